# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'agenda_day.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDateEdit, QDialog,
    QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
    QSizePolicy, QTimeEdit, QVBoxLayout, QWidget)

class Ui_AgendaDayDialog(object):
    def setupUi(self, AgendaDayDialog):
        if not AgendaDayDialog.objectName():
            AgendaDayDialog.setObjectName(u"AgendaDayDialog")
        AgendaDayDialog.resize(360, 200)
        self.main_layout = QVBoxLayout(AgendaDayDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.form_layout = QFormLayout()
        self.form_layout.setObjectName(u"form_layout")
        self.date_label = QLabel(AgendaDayDialog)
        self.date_label.setObjectName(u"date_label")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.date_label)

        self.date_edit = QDateEdit(AgendaDayDialog)
        self.date_edit.setObjectName(u"date_edit")
        self.date_edit.setCalendarPopup(True)

        self.form_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.date_edit)

        self.title_label = QLabel(AgendaDayDialog)
        self.title_label.setObjectName(u"title_label")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.title_label)

        self.title_edit = QLineEdit(AgendaDayDialog)
        self.title_edit.setObjectName(u"title_edit")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.title_edit)

        self.start_label = QLabel(AgendaDayDialog)
        self.start_label.setObjectName(u"start_label")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.start_label)

        self.start_edit = QTimeEdit(AgendaDayDialog)
        self.start_edit.setObjectName(u"start_edit")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.start_edit)

        self.end_label = QLabel(AgendaDayDialog)
        self.end_label.setObjectName(u"end_label")

        self.form_layout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.end_label)

        self.end_edit = QTimeEdit(AgendaDayDialog)
        self.end_edit.setObjectName(u"end_edit")

        self.form_layout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.end_edit)


        self.main_layout.addLayout(self.form_layout)

        self.button_box = QDialogButtonBox(AgendaDayDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.main_layout.addWidget(self.button_box)

#if QT_CONFIG(shortcut)
        self.date_label.setBuddy(self.date_edit)
        self.title_label.setBuddy(self.title_edit)
        self.start_label.setBuddy(self.start_edit)
        self.end_label.setBuddy(self.end_edit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(AgendaDayDialog)

        QMetaObject.connectSlotsByName(AgendaDayDialog)
    # setupUi

    def retranslateUi(self, AgendaDayDialog):
        AgendaDayDialog.setWindowTitle(QCoreApplication.translate("AgendaDayDialog", u"Day", None))
        self.date_label.setText(QCoreApplication.translate("AgendaDayDialog", u"&Date", None))
        self.date_edit.setDisplayFormat(QCoreApplication.translate("AgendaDayDialog", u"ddd d MMM yyyy", None))
        self.title_label.setText(QCoreApplication.translate("AgendaDayDialog", u"&Title", None))
        self.title_edit.setPlaceholderText(QCoreApplication.translate("AgendaDayDialog", u"Day 1", None))
        self.start_label.setText(QCoreApplication.translate("AgendaDayDialog", u"Day &starts", None))
        self.start_edit.setDisplayFormat(QCoreApplication.translate("AgendaDayDialog", u"HH:mm", None))
        self.end_label.setText(QCoreApplication.translate("AgendaDayDialog", u"Planned &end", None))
        self.end_edit.setDisplayFormat(QCoreApplication.translate("AgendaDayDialog", u"HH:mm", None))
    # retranslateUi

