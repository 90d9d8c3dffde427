# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'capture_summary.ui'
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
from PySide6.QtWidgets import (QApplication, QHBoxLayout, QLabel, QPlainTextEdit,
    QSizePolicy, QVBoxLayout, QWidget)

class Ui_CaptureSummaryPanel(object):
    def setupUi(self, summary_panel):
        if not summary_panel.objectName():
            summary_panel.setObjectName(u"summary_panel")
        summary_panel.resize(300, 560)
        self.summary_layout = QVBoxLayout(summary_panel)
        self.summary_layout.setObjectName(u"summary_layout")
        self.summary_layout.setContentsMargins(0, 0, 0, 0)
        self.summary_title_layout = QHBoxLayout()
        self.summary_title_layout.setObjectName(u"summary_title_layout")
        self.summary_title = QLabel(summary_panel)
        self.summary_title.setObjectName(u"summary_title")
        font = QFont()
        font.setBold(True)
        self.summary_title.setFont(font)
        self.summary_title.setAlignment(Qt.AlignmentFlag.AlignLeading|Qt.AlignmentFlag.AlignLeft|Qt.AlignmentFlag.AlignTop)

        self.summary_title_layout.addWidget(self.summary_title)

        self.summary_label = QLabel(summary_panel)
        self.summary_label.setObjectName(u"summary_label")
        self.summary_label.setWordWrap(True)

        self.summary_title_layout.addWidget(self.summary_label)

        self.summary_title_layout.setStretch(1, 1)

        self.summary_layout.addLayout(self.summary_title_layout)

        self.summary_edit = QPlainTextEdit(summary_panel)
        self.summary_edit.setObjectName(u"summary_edit")

        self.summary_layout.addWidget(self.summary_edit)

        self.summary_conflict = QLabel(summary_panel)
        self.summary_conflict.setObjectName(u"summary_conflict")
        self.summary_conflict.setStyleSheet(u"background: #FFE9B3;")

        self.summary_layout.addWidget(self.summary_conflict)

        self.summary_layout.setStretch(1, 1)
#if QT_CONFIG(shortcut)
        self.summary_title.setBuddy(self.summary_edit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(summary_panel)

        QMetaObject.connectSlotsByName(summary_panel)
    # setupUi

    def retranslateUi(self, summary_panel):
        self.summary_title.setText(QCoreApplication.translate("CaptureSummaryPanel", u"Summar&y", None))
        self.summary_edit.setPlaceholderText(QCoreApplication.translate("CaptureSummaryPanel", u"Synthesis of this session (or of the chosen team's output), for the report.", None))
        self.summary_conflict.setText(QCoreApplication.translate("CaptureSummaryPanel", u"Another copy changed this summary differently: see Resolve conflicts.", None))
        pass
    # retranslateUi

