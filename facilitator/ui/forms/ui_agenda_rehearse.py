# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'agenda_rehearse.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialog, QDialogButtonBox,
    QGridLayout, QHBoxLayout, QLabel, QListView,
    QSizePolicy, QTimeEdit, QVBoxLayout, QWidget)

class Ui_AgendaRehearseDialog(object):
    def setupUi(self, AgendaRehearseDialog):
        if not AgendaRehearseDialog.objectName():
            AgendaRehearseDialog.setObjectName(u"AgendaRehearseDialog")
        AgendaRehearseDialog.resize(660, 400)
        self.main_layout = QVBoxLayout(AgendaRehearseDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.intro_label = QLabel(AgendaRehearseDialog)
        self.intro_label.setObjectName(u"intro_label")
        self.intro_label.setWordWrap(True)

        self.main_layout.addWidget(self.intro_label)

        self.pick_layout = QGridLayout()
        self.pick_layout.setObjectName(u"pick_layout")
        self.days_label = QLabel(AgendaRehearseDialog)
        self.days_label.setObjectName(u"days_label")

        self.pick_layout.addWidget(self.days_label, 0, 0, 1, 1)

        self.sessions_label = QLabel(AgendaRehearseDialog)
        self.sessions_label.setObjectName(u"sessions_label")

        self.pick_layout.addWidget(self.sessions_label, 0, 1, 1, 1)

        self.days_view = QListView(AgendaRehearseDialog)
        self.days_view.setObjectName(u"days_view")

        self.pick_layout.addWidget(self.days_view, 1, 0, 1, 1)

        self.sessions_view = QListView(AgendaRehearseDialog)
        self.sessions_view.setObjectName(u"sessions_view")

        self.pick_layout.addWidget(self.sessions_view, 1, 1, 1, 1)

        self.pick_layout.setColumnStretch(0, 2)
        self.pick_layout.setColumnStretch(1, 3)

        self.main_layout.addLayout(self.pick_layout)

        self.time_layout = QHBoxLayout()
        self.time_layout.setObjectName(u"time_layout")
        self.time_label = QLabel(AgendaRehearseDialog)
        self.time_label.setObjectName(u"time_label")

        self.time_layout.addWidget(self.time_label)

        self.time_edit = QTimeEdit(AgendaRehearseDialog)
        self.time_edit.setObjectName(u"time_edit")

        self.time_layout.addWidget(self.time_edit)

        self.moment_label = QLabel(AgendaRehearseDialog)
        self.moment_label.setObjectName(u"moment_label")

        self.time_layout.addWidget(self.moment_label)

        self.time_layout.setStretch(2, 1)

        self.main_layout.addLayout(self.time_layout)

        self.button_box = QDialogButtonBox(AgendaRehearseDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.main_layout.addWidget(self.button_box)

#if QT_CONFIG(shortcut)
        self.days_label.setBuddy(self.days_view)
        self.sessions_label.setBuddy(self.sessions_view)
        self.time_label.setBuddy(self.time_edit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.days_view, self.sessions_view)
        QWidget.setTabOrder(self.sessions_view, self.time_edit)
        QWidget.setTabOrder(self.time_edit, self.button_box)

        self.retranslateUi(AgendaRehearseDialog)

        QMetaObject.connectSlotsByName(AgendaRehearseDialog)
    # setupUi

    def retranslateUi(self, AgendaRehearseDialog):
        AgendaRehearseDialog.setWindowTitle(QCoreApplication.translate("AgendaRehearseDialog", u"Rehearse: set the clock", None))
        self.intro_label.setText(QCoreApplication.translate("AgendaRehearseDialog", u"Run live mode as if it were this day and time; the clock keeps running from there. Real time brings the wall clock back.", None))
        self.days_label.setText(QCoreApplication.translate("AgendaRehearseDialog", u"&Day of the workshop", None))
        self.sessions_label.setText(QCoreApplication.translate("AgendaRehearseDialog", u"&Start of a session", None))
#if QT_CONFIG(accessibility)
        self.days_view.setAccessibleName(QCoreApplication.translate("AgendaRehearseDialog", u"Days of the workshop", None))
#endif // QT_CONFIG(accessibility)
#if QT_CONFIG(accessibility)
        self.sessions_view.setAccessibleName(QCoreApplication.translate("AgendaRehearseDialog", u"Sessions of the day", None))
#endif // QT_CONFIG(accessibility)
        self.time_label.setText(QCoreApplication.translate("AgendaRehearseDialog", u"&Time", None))
        self.time_edit.setDisplayFormat(QCoreApplication.translate("AgendaRehearseDialog", u"HH:mm", None))
#if QT_CONFIG(accessibility)
        self.time_edit.setAccessibleName(QCoreApplication.translate("AgendaRehearseDialog", u"Time of day", None))
#endif // QT_CONFIG(accessibility)
        self.moment_label.setText("")
    # retranslateUi

