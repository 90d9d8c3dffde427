# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'report_privacy.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QCheckBox, QComboBox,
    QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QProgressBar, QPushButton, QSizePolicy, QSpacerItem,
    QTreeView, QVBoxLayout, QWidget)

class Ui_ReportPrivacy(object):
    def setupUi(self, ReportPrivacy):
        if not ReportPrivacy.objectName():
            ReportPrivacy.setObjectName(u"ReportPrivacy")
        ReportPrivacy.resize(860, 600)
        self.main_layout = QVBoxLayout(ReportPrivacy)
        self.main_layout.setObjectName(u"main_layout")
        self.summary_layout = QHBoxLayout()
        self.summary_layout.setObjectName(u"summary_layout")
        self.summary_label = QLabel(ReportPrivacy)
        self.summary_label.setObjectName(u"summary_label")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.summary_label.sizePolicy().hasHeightForWidth())
        self.summary_label.setSizePolicy(sizePolicy)
        self.summary_label.setWordWrap(True)

        self.summary_layout.addWidget(self.summary_label)

        self.scan_progress = QProgressBar(ReportPrivacy)
        self.scan_progress.setObjectName(u"scan_progress")
        self.scan_progress.setMaximumSize(QSize(140, 16))
        self.scan_progress.setMaximum(0)
        self.scan_progress.setTextVisible(False)

        self.summary_layout.addWidget(self.scan_progress)


        self.main_layout.addLayout(self.summary_layout)

        self.filter_layout = QHBoxLayout()
        self.filter_layout.setObjectName(u"filter_layout")
        self.filter_label = QLabel(ReportPrivacy)
        self.filter_label.setObjectName(u"filter_label")

        self.filter_layout.addWidget(self.filter_label)

        self.filter_edit = QLineEdit(ReportPrivacy)
        self.filter_edit.setObjectName(u"filter_edit")
        self.filter_edit.setClearButtonEnabled(True)

        self.filter_layout.addWidget(self.filter_edit)

        self.undecided_check = QCheckBox(ReportPrivacy)
        self.undecided_check.setObjectName(u"undecided_check")

        self.filter_layout.addWidget(self.undecided_check)


        self.main_layout.addLayout(self.filter_layout)

        self.hits_view = QTreeView(ReportPrivacy)
        self.hits_view.setObjectName(u"hits_view")
        self.hits_view.setEditTriggers(QAbstractItemView.DoubleClicked)
        self.hits_view.setAlternatingRowColors(True)
        self.hits_view.setSelectionMode(QAbstractItemView.ExtendedSelection)
        self.hits_view.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.hits_view.setUniformRowHeights(True)
        self.hits_view.setAllColumnsShowFocus(True)

        self.main_layout.addWidget(self.hits_view)

        self.decide_layout = QHBoxLayout()
        self.decide_layout.setObjectName(u"decide_layout")
        self.withhold_button = QPushButton(ReportPrivacy)
        self.withhold_button.setObjectName(u"withhold_button")

        self.decide_layout.addWidget(self.withhold_button)

        self.keep_button = QPushButton(ReportPrivacy)
        self.keep_button.setObjectName(u"keep_button")

        self.decide_layout.addWidget(self.keep_button)

        self.not_name_button = QPushButton(ReportPrivacy)
        self.not_name_button.setObjectName(u"not_name_button")

        self.decide_layout.addWidget(self.not_name_button)

        self.clear_button = QPushButton(ReportPrivacy)
        self.clear_button.setObjectName(u"clear_button")

        self.decide_layout.addWidget(self.clear_button)

        self.decide_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.decide_layout.addItem(self.decide_spacer)

        self.show_button = QPushButton(ReportPrivacy)
        self.show_button.setObjectName(u"show_button")

        self.decide_layout.addWidget(self.show_button)


        self.main_layout.addLayout(self.decide_layout)

        self.options_layout = QHBoxLayout()
        self.options_layout.setObjectName(u"options_layout")
        self.replacement_label = QLabel(ReportPrivacy)
        self.replacement_label.setObjectName(u"replacement_label")

        self.options_layout.addWidget(self.replacement_label)

        self.replacement_combo = QComboBox(ReportPrivacy)
        self.replacement_combo.setObjectName(u"replacement_combo")

        self.options_layout.addWidget(self.replacement_combo)

        self.organisations_check = QCheckBox(ReportPrivacy)
        self.organisations_check.setObjectName(u"organisations_check")

        self.options_layout.addWidget(self.organisations_check)

        self.options_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.options_layout.addItem(self.options_spacer)


        self.main_layout.addLayout(self.options_layout)

        self.hint_label = QLabel(ReportPrivacy)
        self.hint_label.setObjectName(u"hint_label")
        self.hint_label.setWordWrap(True)

        self.main_layout.addWidget(self.hint_label)

#if QT_CONFIG(shortcut)
        self.filter_label.setBuddy(self.filter_edit)
        self.replacement_label.setBuddy(self.replacement_combo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ReportPrivacy)

        QMetaObject.connectSlotsByName(ReportPrivacy)
    # setupUi

    def retranslateUi(self, ReportPrivacy):
        self.summary_label.setText(QCoreApplication.translate("ReportPrivacy", u"Checking the texts for names\u2026", None))
#if QT_CONFIG(tooltip)
        self.scan_progress.setToolTip(QCoreApplication.translate("ReportPrivacy", u"Looking for names in the texts the report prints", None))
#endif // QT_CONFIG(tooltip)
        self.filter_label.setText(QCoreApplication.translate("ReportPrivacy", u"Fi&lter:", None))
        self.filter_edit.setPlaceholderText(QCoreApplication.translate("ReportPrivacy", u"A name, a word of the text or a place", None))
#if QT_CONFIG(tooltip)
        self.undecided_check.setToolTip(QCoreApplication.translate("ReportPrivacy", u"Show only the hits nobody has decided about yet", None))
#endif // QT_CONFIG(tooltip)
        self.undecided_check.setText(QCoreApplication.translate("ReportPrivacy", u"U&ndecided only", None))
#if QT_CONFIG(tooltip)
        self.withhold_button.setToolTip(QCoreApplication.translate("ReportPrivacy", u"Print the replacement instead (W; Shift+W: every mention of the person)", None))
#endif // QT_CONFIG(tooltip)
        self.withhold_button.setText(QCoreApplication.translate("ReportPrivacy", u"Withhold (W)", None))
#if QT_CONFIG(tooltip)
        self.keep_button.setToolTip(QCoreApplication.translate("ReportPrivacy", u"Print it as written, e.g. a public speaker who agreed (K; Shift+K: every mention)", None))
#endif // QT_CONFIG(tooltip)
        self.keep_button.setText(QCoreApplication.translate("ReportPrivacy", u"Keep (K)", None))
#if QT_CONFIG(tooltip)
        self.not_name_button.setToolTip(QCoreApplication.translate("ReportPrivacy", u"It is not a person here; print it as written (N; Shift+N: every mention)", None))
#endif // QT_CONFIG(tooltip)
        self.not_name_button.setText(QCoreApplication.translate("ReportPrivacy", u"Not a name (N)", None))
#if QT_CONFIG(tooltip)
        self.clear_button.setToolTip(QCoreApplication.translate("ReportPrivacy", u"Forget the decision (Del)", None))
#endif // QT_CONFIG(tooltip)
        self.clear_button.setText(QCoreApplication.translate("ReportPrivacy", u"Undecide (Del)", None))
#if QT_CONFIG(tooltip)
        self.show_button.setToolTip(QCoreApplication.translate("ReportPrivacy", u"Open the note, session or text the hit is in", None))
#endif // QT_CONFIG(tooltip)
        self.show_button.setText(QCoreApplication.translate("ReportPrivacy", u"Show where it is (Enter)", None))
        self.replacement_label.setText(QCoreApplication.translate("ReportPrivacy", u"Withheld people &become:", None))
#if QT_CONFIG(tooltip)
        self.replacement_combo.setToolTip(QCoreApplication.translate("ReportPrivacy", u"What a withheld name is replaced with, unless you type another replacement for it", None))
#endif // QT_CONFIG(tooltip)
#if QT_CONFIG(tooltip)
        self.organisations_check.setToolTip(QCoreApplication.translate("ReportPrivacy", u"The Chatham House Rule protects affiliation too", None))
#endif // QT_CONFIG(tooltip)
        self.organisations_check.setText(QCoreApplication.translate("ReportPrivacy", u"Look for organisat&ions", None))
        self.hint_label.setText(QCoreApplication.translate("ReportPrivacy", u"\u2191\u2193 move through the hits \u00b7 W withhold \u00b7 K keep \u00b7 N not a name \u00b7 Del undecide \u00b7 Shift with a key: every mention of the person \u00b7 F2 change what is printed \u00b7 Enter show where it is. Select a person's row to decide every mention.", None))
        pass
    # retranslateUi

