# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'capture_context.ui'
##
## Created by: Qt User Interface Compiler version 6.11.3
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QComboBox, QHBoxLayout, QLabel,
    QPushButton, QSizePolicy, QSpacerItem, QWidget)

class Ui_CaptureContextBar(object):
    def setupUi(self, context_bar):
        if not context_bar.objectName():
            context_bar.setObjectName(u"context_bar")
        context_bar.resize(1100, 32)
        self.bar_layout = QHBoxLayout(context_bar)
        self.bar_layout.setObjectName(u"bar_layout")
        self.bar_layout.setContentsMargins(0, 0, 0, 0)
        self.session_label = QLabel(context_bar)
        self.session_label.setObjectName(u"session_label")

        self.bar_layout.addWidget(self.session_label)

        self.session_combo = QComboBox(context_bar)
        self.session_combo.setObjectName(u"session_combo")
        self.session_combo.setMinimumSize(QSize(320, 0))

        self.bar_layout.addWidget(self.session_combo)

        self.team_label = QLabel(context_bar)
        self.team_label.setObjectName(u"team_label")

        self.bar_layout.addWidget(self.team_label)

        self.team_combo = QComboBox(context_bar)
        self.team_combo.setObjectName(u"team_combo")

        self.bar_layout.addWidget(self.team_combo)

        self.prompt_label = QLabel(context_bar)
        self.prompt_label.setObjectName(u"prompt_label")

        self.bar_layout.addWidget(self.prompt_label)

        self.prompt_combo = QComboBox(context_bar)
        self.prompt_combo.setObjectName(u"prompt_combo")
        self.prompt_combo.setMinimumSize(QSize(180, 0))

        self.bar_layout.addWidget(self.prompt_combo)

        self.live_label = QLabel(context_bar)
        self.live_label.setObjectName(u"live_label")

        self.bar_layout.addWidget(self.live_label)

        self.bar_stretch = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.bar_layout.addItem(self.bar_stretch)

        self.conflict_button = QPushButton(context_bar)
        self.conflict_button.setObjectName(u"conflict_button")
        self.conflict_button.setStyleSheet(u"background: #FFE9B3;")

        self.bar_layout.addWidget(self.conflict_button)

        self.kinds_button = QPushButton(context_bar)
        self.kinds_button.setObjectName(u"kinds_button")

        self.bar_layout.addWidget(self.kinds_button)

        self.bar_layout.setStretch(7, 1)
#if QT_CONFIG(shortcut)
        self.session_label.setBuddy(self.session_combo)
        self.team_label.setBuddy(self.team_combo)
        self.prompt_label.setBuddy(self.prompt_combo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(context_bar)

        QMetaObject.connectSlotsByName(context_bar)
    # setupUi

    def retranslateUi(self, context_bar):
        self.session_label.setText(QCoreApplication.translate("CaptureContextBar", u"&Session", None))
        self.team_label.setText(QCoreApplication.translate("CaptureContextBar", u"Tea&m", None))
        self.prompt_label.setText(QCoreApplication.translate("CaptureContextBar", u"&Prompt", None))
#if QT_CONFIG(tooltip)
        self.kinds_button.setToolTip(QCoreApplication.translate("CaptureContextBar", u"Labels, typing prefixes and shortcuts of note kinds", None))
#endif // QT_CONFIG(tooltip)
        self.kinds_button.setText(QCoreApplication.translate("CaptureContextBar", u"Kinds\u2026", None))
        pass
    # retranslateUi

