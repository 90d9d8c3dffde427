# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'agenda_catchup.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QDialog,
    QDialogButtonBox, QHBoxLayout, QHeaderView, QLabel,
    QRadioButton, QSizePolicy, QSpacerItem, QTableView,
    QVBoxLayout, QWidget)

class Ui_AgendaCatchUpDialog(object):
    def setupUi(self, AgendaCatchUpDialog):
        if not AgendaCatchUpDialog.objectName():
            AgendaCatchUpDialog.setObjectName(u"AgendaCatchUpDialog")
        AgendaCatchUpDialog.resize(780, 480)
        self.main_layout = QVBoxLayout(AgendaCatchUpDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.intro_label = QLabel(AgendaCatchUpDialog)
        self.intro_label.setObjectName(u"intro_label")
        self.intro_label.setWordWrap(True)

        self.main_layout.addWidget(self.intro_label)

        self.mode_layout = QHBoxLayout()
        self.mode_layout.setObjectName(u"mode_layout")
        self.shift_radio = QRadioButton(AgendaCatchUpDialog)
        self.shift_radio.setObjectName(u"shift_radio")
        self.shift_radio.setChecked(True)

        self.mode_layout.addWidget(self.shift_radio)

        self.move_fixed_check = QCheckBox(AgendaCatchUpDialog)
        self.move_fixed_check.setObjectName(u"move_fixed_check")

        self.mode_layout.addWidget(self.move_fixed_check)

        self.shorten_radio = QRadioButton(AgendaCatchUpDialog)
        self.shorten_radio.setObjectName(u"shorten_radio")

        self.mode_layout.addWidget(self.shorten_radio)

        self.mode_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.mode_layout.addItem(self.mode_spacer)


        self.main_layout.addLayout(self.mode_layout)

        self.explain_label = QLabel(AgendaCatchUpDialog)
        self.explain_label.setObjectName(u"explain_label")
        self.explain_label.setWordWrap(True)

        self.main_layout.addWidget(self.explain_label)

        self.changes_view = QTableView(AgendaCatchUpDialog)
        self.changes_view.setObjectName(u"changes_view")

        self.main_layout.addWidget(self.changes_view)

        self.summary_label = QLabel(AgendaCatchUpDialog)
        self.summary_label.setObjectName(u"summary_label")
        self.summary_label.setWordWrap(True)

        self.main_layout.addWidget(self.summary_label)

        self.button_box = QDialogButtonBox(AgendaCatchUpDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.main_layout.addWidget(self.button_box)

        QWidget.setTabOrder(self.shift_radio, self.move_fixed_check)
        QWidget.setTabOrder(self.move_fixed_check, self.shorten_radio)
        QWidget.setTabOrder(self.shorten_radio, self.changes_view)
        QWidget.setTabOrder(self.changes_view, self.button_box)

        self.retranslateUi(AgendaCatchUpDialog)

        QMetaObject.connectSlotsByName(AgendaCatchUpDialog)
    # setupUi

    def retranslateUi(self, AgendaCatchUpDialog):
        AgendaCatchUpDialog.setWindowTitle(QCoreApplication.translate("AgendaCatchUpDialog", u"Catch up with the clock", None))
        self.intro_label.setText("")
        self.shift_radio.setText(QCoreApplication.translate("AgendaCatchUpDialog", u"&Shift the rest of the day later", None))
        self.move_fixed_check.setText(QCoreApplication.translate("AgendaCatchUpDialog", u"and let &fixed items move", None))
#if QT_CONFIG(tooltip)
        self.move_fixed_check.setToolTip(QCoreApplication.translate("AgendaCatchUpDialog", u"Fixed items (lunch at 12:30\u2026) stay unless you tick this; then each moves to when the day reaches it", None))
#endif // QT_CONFIG(tooltip)
        self.shorten_radio.setText(QCoreApplication.translate("AgendaCatchUpDialog", u"S&horten later sessions", None))
        self.explain_label.setText("")
#if QT_CONFIG(accessibility)
        self.changes_view.setAccessibleName(QCoreApplication.translate("AgendaCatchUpDialog", u"Sessions that change", None))
#endif // QT_CONFIG(accessibility)
        self.summary_label.setText("")
    # retranslateUi

