# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'teams_criteria.ui'
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
from PySide6.QtWidgets import (QApplication, QComboBox, QGroupBox, QHBoxLayout,
    QLabel, QSizePolicy, QSpacerItem, QSpinBox,
    QVBoxLayout, QWidget)

class Ui_TeamsCriteria(object):
    def setupUi(self, TeamsCriteria):
        if not TeamsCriteria.objectName():
            TeamsCriteria.setObjectName(u"TeamsCriteria")
        TeamsCriteria.resize(1100, 90)
        self.criteria_layout = QVBoxLayout(TeamsCriteria)
        self.criteria_layout.setObjectName(u"criteria_layout")
        self.criteria_row = QHBoxLayout()
        self.criteria_row.setObjectName(u"criteria_row")
        self.size_kind_combo = QComboBox(TeamsCriteria)
        self.size_kind_combo.setObjectName(u"size_kind_combo")

        self.criteria_row.addWidget(self.size_kind_combo)

        self.size_spin = QSpinBox(TeamsCriteria)
        self.size_spin.setObjectName(u"size_spin")
        self.size_spin.setMinimum(1)
        self.size_spin.setMaximum(200)

        self.criteria_row.addWidget(self.size_spin)

        self.mode_gap = QSpacerItem(12, 0, QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Minimum)

        self.criteria_row.addItem(self.mode_gap)

        self.mode_combo = QComboBox(TeamsCriteria)
        self.mode_combo.setObjectName(u"mode_combo")

        self.criteria_row.addWidget(self.mode_combo)

        self.balance_gap = QSpacerItem(12, 0, QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Minimum)

        self.criteria_row.addItem(self.balance_gap)

        self.balance_label = QLabel(TeamsCriteria)
        self.balance_label.setObjectName(u"balance_label")

        self.criteria_row.addWidget(self.balance_label)

        self.balance_layout = QHBoxLayout()
        self.balance_layout.setObjectName(u"balance_layout")

        self.criteria_row.addLayout(self.balance_layout)

        self.effort_gap = QSpacerItem(12, 0, QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Minimum)

        self.criteria_row.addItem(self.effort_gap)

        self.effort_combo = QComboBox(TeamsCriteria)
        self.effort_combo.setObjectName(u"effort_combo")

        self.criteria_row.addWidget(self.effort_combo)

        self.seed_label = QLabel(TeamsCriteria)
        self.seed_label.setObjectName(u"seed_label")

        self.criteria_row.addWidget(self.seed_label)

        self.seed_spin = QSpinBox(TeamsCriteria)
        self.seed_spin.setObjectName(u"seed_spin")
        self.seed_spin.setMaximum(999999)

        self.criteria_row.addWidget(self.seed_spin)

        self.criteria_stretch = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.criteria_row.addItem(self.criteria_stretch)


        self.criteria_layout.addLayout(self.criteria_row)

        self.weights_row = QHBoxLayout()
        self.weights_row.setObjectName(u"weights_row")
        self.weights_label = QLabel(TeamsCriteria)
        self.weights_label.setObjectName(u"weights_label")

        self.weights_row.addWidget(self.weights_label)

        self.weights_layout = QHBoxLayout()
        self.weights_layout.setObjectName(u"weights_layout")

        self.weights_row.addLayout(self.weights_layout)

        self.weights_stretch = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.weights_row.addItem(self.weights_stretch)


        self.criteria_layout.addLayout(self.weights_row)

#if QT_CONFIG(shortcut)
        self.seed_label.setBuddy(self.seed_spin)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(TeamsCriteria)

        QMetaObject.connectSlotsByName(TeamsCriteria)
    # setupUi

    def retranslateUi(self, TeamsCriteria):
        TeamsCriteria.setTitle(QCoreApplication.translate("TeamsCriteria", u"Criteria", None))
#if QT_CONFIG(accessibility)
        self.size_kind_combo.setAccessibleName(QCoreApplication.translate("TeamsCriteria", u"Form teams by", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.size_spin.setAccessibleName(QCoreApplication.translate("TeamsCriteria", u"Number of teams or people per team", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.mode_combo.setAccessibleName(QCoreApplication.translate("TeamsCriteria", u"Rounds", None))
#endif // QT_CONFIG(accessibility)
        self.balance_label.setText(QCoreApplication.translate("TeamsCriteria", u"Balance:", None))
#if QT_CONFIG(accessibility)
        self.effort_combo.setAccessibleName(QCoreApplication.translate("TeamsCriteria", u"Search effort", None))
#endif // QT_CONFIG(accessibility)
        self.seed_label.setText(QCoreApplication.translate("TeamsCriteria", u"Seed", None))
#if QT_CONFIG(tooltip)
        self.seed_spin.setToolTip(QCoreApplication.translate("TeamsCriteria", u"Same seed, same teams; change it for a different draw", None))
#endif // QT_CONFIG(tooltip)
        self.weights_label.setText(QCoreApplication.translate("TeamsCriteria", u"Weights:", None))
    # retranslateUi

