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
from PySide6.QtWidgets import (QApplication, QComboBox, QGridLayout, QGroupBox,
    QHBoxLayout, QLabel, QPushButton, QSizePolicy,
    QSpacerItem, QSpinBox, QToolButton, QVBoxLayout,
    QWidget)

class Ui_TeamsCriteria(object):
    def setupUi(self, TeamsCriteria):
        if not TeamsCriteria.objectName():
            TeamsCriteria.setObjectName(u"TeamsCriteria")
        TeamsCriteria.resize(1100, 170)
        self.criteria_layout = QVBoxLayout(TeamsCriteria)
        self.criteria_layout.setSpacing(4)
        self.criteria_layout.setObjectName(u"criteria_layout")
        self.criteria_layout.setContentsMargins(-1, 6, -1, 6)
        self.criteria_row = QHBoxLayout()
        self.criteria_row.setObjectName(u"criteria_row")
        self.size_label = QLabel(TeamsCriteria)
        self.size_label.setObjectName(u"size_label")

        self.criteria_row.addWidget(self.size_label)

        self.size_kind_combo = QComboBox(TeamsCriteria)
        self.size_kind_combo.setObjectName(u"size_kind_combo")

        self.criteria_row.addWidget(self.size_kind_combo)

        self.size_spin = QSpinBox(TeamsCriteria)
        self.size_spin.setObjectName(u"size_spin")
        self.size_spin.setMinimum(1)
        self.size_spin.setMaximum(200)

        self.criteria_row.addWidget(self.size_spin)

        self.mode_gap = QSpacerItem(16, 0, QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Minimum)

        self.criteria_row.addItem(self.mode_gap)

        self.mode_label = QLabel(TeamsCriteria)
        self.mode_label.setObjectName(u"mode_label")

        self.criteria_row.addWidget(self.mode_label)

        self.mode_combo = QComboBox(TeamsCriteria)
        self.mode_combo.setObjectName(u"mode_combo")

        self.criteria_row.addWidget(self.mode_combo)

        self.effort_gap = QSpacerItem(16, 0, QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Minimum)

        self.criteria_row.addItem(self.effort_gap)

        self.effort_label = QLabel(TeamsCriteria)
        self.effort_label.setObjectName(u"effort_label")

        self.criteria_row.addWidget(self.effort_label)

        self.effort_combo = QComboBox(TeamsCriteria)
        self.effort_combo.setObjectName(u"effort_combo")

        self.criteria_row.addWidget(self.effort_combo)

        self.criteria_stretch = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.criteria_row.addItem(self.criteria_stretch)

        self.advanced_button = QToolButton(TeamsCriteria)
        self.advanced_button.setObjectName(u"advanced_button")
        self.advanced_button.setCheckable(True)
        self.advanced_button.setToolButtonStyle(Qt.ToolButtonTextBesideIcon)
        self.advanced_button.setArrowType(Qt.RightArrow)
        self.advanced_button.setAutoRaise(True)

        self.criteria_row.addWidget(self.advanced_button)


        self.criteria_layout.addLayout(self.criteria_row)

        self.mix_row = QHBoxLayout()
        self.mix_row.setObjectName(u"mix_row")
        self.mix_label = QLabel(TeamsCriteria)
        self.mix_label.setObjectName(u"mix_label")

        self.mix_row.addWidget(self.mix_label)

        self.balance_layout = QHBoxLayout()
        self.balance_layout.setObjectName(u"balance_layout")

        self.mix_row.addLayout(self.balance_layout)

        self.mix_stretch = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.mix_row.addItem(self.mix_stretch)


        self.criteria_layout.addLayout(self.mix_row)

        self.advanced_panel = QWidget(TeamsCriteria)
        self.advanced_panel.setObjectName(u"advanced_panel")
        self.advanced_layout = QVBoxLayout(self.advanced_panel)
        self.advanced_layout.setSpacing(4)
        self.advanced_layout.setObjectName(u"advanced_layout")
        self.advanced_layout.setContentsMargins(0, 4, 0, 0)
        self.weights_label = QLabel(self.advanced_panel)
        self.weights_label.setObjectName(u"weights_label")

        self.advanced_layout.addWidget(self.weights_label)

        self.weights_layout = QGridLayout()
        self.weights_layout.setObjectName(u"weights_layout")

        self.advanced_layout.addLayout(self.weights_layout)

        self.draw_row = QHBoxLayout()
        self.draw_row.setObjectName(u"draw_row")
        self.seed_label = QLabel(self.advanced_panel)
        self.seed_label.setObjectName(u"seed_label")

        self.draw_row.addWidget(self.seed_label)

        self.seed_spin = QSpinBox(self.advanced_panel)
        self.seed_spin.setObjectName(u"seed_spin")
        self.seed_spin.setMaximum(999999)

        self.draw_row.addWidget(self.seed_spin)

        self.draw_hint = QLabel(self.advanced_panel)
        self.draw_hint.setObjectName(u"draw_hint")

        self.draw_row.addWidget(self.draw_hint)

        self.draw_stretch = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.draw_row.addItem(self.draw_stretch)

        self.defaults_button = QPushButton(self.advanced_panel)
        self.defaults_button.setObjectName(u"defaults_button")

        self.draw_row.addWidget(self.defaults_button)


        self.advanced_layout.addLayout(self.draw_row)


        self.criteria_layout.addWidget(self.advanced_panel)

#if QT_CONFIG(shortcut)
        self.size_label.setBuddy(self.size_kind_combo)
        self.mode_label.setBuddy(self.mode_combo)
        self.effort_label.setBuddy(self.effort_combo)
        self.seed_label.setBuddy(self.seed_spin)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.size_kind_combo, self.size_spin)
        QWidget.setTabOrder(self.size_spin, self.mode_combo)
        QWidget.setTabOrder(self.mode_combo, self.effort_combo)
        QWidget.setTabOrder(self.effort_combo, self.advanced_button)
        QWidget.setTabOrder(self.advanced_button, self.seed_spin)
        QWidget.setTabOrder(self.seed_spin, self.defaults_button)

        self.retranslateUi(TeamsCriteria)

        QMetaObject.connectSlotsByName(TeamsCriteria)
    # setupUi

    def retranslateUi(self, TeamsCriteria):
        self.size_label.setText(QCoreApplication.translate("TeamsCriteria", u"Tea&ms:", None))
#if QT_CONFIG(accessibility)
        self.size_kind_combo.setAccessibleName(QCoreApplication.translate("TeamsCriteria", u"Form teams by", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.size_spin.setAccessibleName(QCoreApplication.translate("TeamsCriteria", u"Number of teams or people per team", None))
#endif // QT_CONFIG(accessibility)
        self.mode_label.setText(QCoreApplication.translate("TeamsCriteria", u"&In later rounds:", None))
#if QT_CONFIG(accessibility)
        self.mode_combo.setAccessibleName(QCoreApplication.translate("TeamsCriteria", u"In later rounds", None))
#endif // QT_CONFIG(accessibility)
        self.effort_label.setText(QCoreApplication.translate("TeamsCriteria", u"Search:", None))
#if QT_CONFIG(tooltip)
        self.effort_label.setToolTip(QCoreApplication.translate("TeamsCriteria", u"How long to look for better teams", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.effort_combo.setAccessibleName(QCoreApplication.translate("TeamsCriteria", u"How long to search", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(tooltip)
        self.effort_combo.setToolTip(QCoreApplication.translate("TeamsCriteria", u"How long to look for better teams: a thorough search takes about three times as long as a quick one, the longest about ten times", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(tooltip)
        self.advanced_button.setToolTip(QCoreApplication.translate("TeamsCriteria", u"How much each goal counts, and the draw number", None))
#endif // QT_CONFIG(tooltip)
        self.advanced_button.setText(QCoreApplication.translate("TeamsCriteria", u"&Advanced", None))
        self.mix_label.setText(QCoreApplication.translate("TeamsCriteria", u"Mix by:", None))
#if QT_CONFIG(tooltip)
        self.mix_label.setToolTip(QCoreApplication.translate("TeamsCriteria", u"Each team gets its fair share of every country, sector, gender or role ticked here", None))
#endif // QT_CONFIG(tooltip)
        self.weights_label.setText(QCoreApplication.translate("TeamsCriteria", u"How much each goal counts when teams are formed (higher counts more, 0 leaves a goal out):", None))
        self.seed_label.setText(QCoreApplication.translate("TeamsCriteria", u"Dra&w number:", None))
#if QT_CONFIG(tooltip)
        self.seed_spin.setToolTip(QCoreApplication.translate("TeamsCriteria", u"The same number gives the same teams; Try again takes the next number", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(accessibility)
        self.seed_spin.setAccessibleName(QCoreApplication.translate("TeamsCriteria", u"Draw number", None))
#endif // QT_CONFIG(accessibility)
        self.draw_hint.setText(QCoreApplication.translate("TeamsCriteria", u"the same number gives the same teams; Try again takes the next one", None))
        self.draw_hint.setStyleSheet(QCoreApplication.translate("TeamsCriteria", u"color:#555;", None))
#if QT_CONFIG(tooltip)
        self.defaults_button.setToolTip(QCoreApplication.translate("TeamsCriteria", u"Put every goal back to how much it counts by default", None))
#endif // QT_CONFIG(tooltip)
        self.defaults_button.setText(QCoreApplication.translate("TeamsCriteria", u"Restore defaults", None))
        pass
    # retranslateUi

