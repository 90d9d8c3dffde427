# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'teams_picker.ui'
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

class Ui_TeamsPicker(object):
    def setupUi(self, TeamsPicker):
        if not TeamsPicker.objectName():
            TeamsPicker.setObjectName(u"TeamsPicker")
        TeamsPicker.resize(1100, 32)
        self.picker_layout = QHBoxLayout(TeamsPicker)
        self.picker_layout.setObjectName(u"picker_layout")
        self.picker_layout.setContentsMargins(0, 0, 0, 0)
        self.exercise_label = QLabel(TeamsPicker)
        self.exercise_label.setObjectName(u"exercise_label")

        self.picker_layout.addWidget(self.exercise_label)

        self.exercise_combo = QComboBox(TeamsPicker)
        self.exercise_combo.setObjectName(u"exercise_combo")
        self.exercise_combo.setMinimumSize(QSize(160, 0))
        self.exercise_combo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.exercise_combo.setMinimumContentsLength(18)

        self.picker_layout.addWidget(self.exercise_combo)

        self.new_exercise_button = QPushButton(TeamsPicker)
        self.new_exercise_button.setObjectName(u"new_exercise_button")

        self.picker_layout.addWidget(self.new_exercise_button)

        self.setup_button = QPushButton(TeamsPicker)
        self.setup_button.setObjectName(u"setup_button")

        self.picker_layout.addWidget(self.setup_button)

        self.round_gap = QSpacerItem(16, 0, QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Minimum)

        self.picker_layout.addItem(self.round_gap)

        self.round_label = QLabel(TeamsPicker)
        self.round_label.setObjectName(u"round_label")

        self.picker_layout.addWidget(self.round_label)

        self.round_combo = QComboBox(TeamsPicker)
        self.round_combo.setObjectName(u"round_combo")

        self.picker_layout.addWidget(self.round_combo)

        self.add_round_button = QPushButton(TeamsPicker)
        self.add_round_button.setObjectName(u"add_round_button")

        self.picker_layout.addWidget(self.add_round_button)

        self.day_combo = QComboBox(TeamsPicker)
        self.day_combo.setObjectName(u"day_combo")

        self.picker_layout.addWidget(self.day_combo)

        self.picker_stretch = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.picker_layout.addItem(self.picker_stretch)

#if QT_CONFIG(shortcut)
        self.exercise_label.setBuddy(self.exercise_combo)
        self.round_label.setBuddy(self.round_combo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(TeamsPicker)

        QMetaObject.connectSlotsByName(TeamsPicker)
    # setupUi

    def retranslateUi(self, TeamsPicker):
        self.exercise_label.setText(QCoreApplication.translate("TeamsPicker", u"E&xercise", None))
#if QT_CONFIG(accessibility)
        self.exercise_combo.setAccessibleName(QCoreApplication.translate("TeamsPicker", u"Exercise", None))
#endif // QT_CONFIG(accessibility)
        self.new_exercise_button.setText(QCoreApplication.translate("TeamsPicker", u"&New exercise\u2026", None))
#if QT_CONFIG(tooltip)
        self.setup_button.setToolTip(QCoreApplication.translate("TeamsPicker", u"This exercise has no teams yet: create its team set", None))
#endif // QT_CONFIG(tooltip)
        self.setup_button.setText(QCoreApplication.translate("TeamsPicker", u"Set &up teams", None))
        self.round_label.setText(QCoreApplication.translate("TeamsPicker", u"&Round", None))
#if QT_CONFIG(accessibility)
        self.round_combo.setAccessibleName(QCoreApplication.translate("TeamsPicker", u"Round", None))
#endif // QT_CONFIG(accessibility)
        self.add_round_button.setText(QCoreApplication.translate("TeamsPicker", u"Add r&ound", None))
#if QT_CONFIG(tooltip)
        self.day_combo.setToolTip(QCoreApplication.translate("TeamsPicker", u"Day of this round: people without attendance that day are left out", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.day_combo.setAccessibleName(QCoreApplication.translate("TeamsPicker", u"Day of the round", None))
#endif // QT_CONFIG(accessibility)
        pass
    # retranslateUi

