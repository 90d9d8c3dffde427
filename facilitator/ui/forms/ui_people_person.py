# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'people_person.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
    QPlainTextEdit, QSizePolicy, QVBoxLayout, QWidget)

class Ui_PersonDialog(object):
    def setupUi(self, PersonDialog):
        if not PersonDialog.objectName():
            PersonDialog.setObjectName(u"PersonDialog")
        PersonDialog.resize(520, 520)
        self.main_layout = QVBoxLayout(PersonDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.name_label = QLabel(PersonDialog)
        self.name_label.setObjectName(u"name_label")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.name_label)

        self.name_edit = QLineEdit(PersonDialog)
        self.name_edit.setObjectName(u"name_edit")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.name_edit)

        self.honorific_label = QLabel(PersonDialog)
        self.honorific_label.setObjectName(u"honorific_label")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.honorific_label)

        self.honorific_edit = QLineEdit(PersonDialog)
        self.honorific_edit.setObjectName(u"honorific_edit")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.honorific_edit)

        self.job_title_label = QLabel(PersonDialog)
        self.job_title_label.setObjectName(u"job_title_label")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.job_title_label)

        self.job_title_edit = QLineEdit(PersonDialog)
        self.job_title_edit.setObjectName(u"job_title_edit")

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.job_title_edit)

        self.organisation_label = QLabel(PersonDialog)
        self.organisation_label.setObjectName(u"organisation_label")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.organisation_label)

        self.organisation_edit = QLineEdit(PersonDialog)
        self.organisation_edit.setObjectName(u"organisation_edit")

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.organisation_edit)

        self.country_label = QLabel(PersonDialog)
        self.country_label.setObjectName(u"country_label")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.country_label)

        self.country_combo = QComboBox(PersonDialog)
        self.country_combo.setObjectName(u"country_combo")
        self.country_combo.setEditable(True)

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.country_combo)

        self.sector_label = QLabel(PersonDialog)
        self.sector_label.setObjectName(u"sector_label")

        self.form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.sector_label)

        self.sector_combo = QComboBox(PersonDialog)
        self.sector_combo.setObjectName(u"sector_combo")

        self.form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.sector_combo)

        self.gender_label = QLabel(PersonDialog)
        self.gender_label.setObjectName(u"gender_label")

        self.form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.gender_label)

        self.gender_combo = QComboBox(PersonDialog)
        self.gender_combo.setObjectName(u"gender_combo")

        self.form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.gender_combo)

        self.role_label = QLabel(PersonDialog)
        self.role_label.setObjectName(u"role_label")

        self.form.setWidget(7, QFormLayout.ItemRole.LabelRole, self.role_label)

        self.role_combo = QComboBox(PersonDialog)
        self.role_combo.setObjectName(u"role_combo")

        self.form.setWidget(7, QFormLayout.ItemRole.FieldRole, self.role_combo)

        self.email_label = QLabel(PersonDialog)
        self.email_label.setObjectName(u"email_label")

        self.form.setWidget(8, QFormLayout.ItemRole.LabelRole, self.email_label)

        self.email_edit = QLineEdit(PersonDialog)
        self.email_edit.setObjectName(u"email_edit")

        self.form.setWidget(8, QFormLayout.ItemRole.FieldRole, self.email_edit)

        self.phone_label = QLabel(PersonDialog)
        self.phone_label.setObjectName(u"phone_label")

        self.form.setWidget(9, QFormLayout.ItemRole.LabelRole, self.phone_label)

        self.phone_edit = QLineEdit(PersonDialog)
        self.phone_edit.setObjectName(u"phone_edit")

        self.form.setWidget(9, QFormLayout.ItemRole.FieldRole, self.phone_edit)

        self.languages_label = QLabel(PersonDialog)
        self.languages_label.setObjectName(u"languages_label")

        self.form.setWidget(10, QFormLayout.ItemRole.LabelRole, self.languages_label)

        self.languages_edit = QLineEdit(PersonDialog)
        self.languages_edit.setObjectName(u"languages_edit")

        self.form.setWidget(10, QFormLayout.ItemRole.FieldRole, self.languages_edit)

        self.notes_label = QLabel(PersonDialog)
        self.notes_label.setObjectName(u"notes_label")

        self.form.setWidget(11, QFormLayout.ItemRole.LabelRole, self.notes_label)

        self.notes_edit = QPlainTextEdit(PersonDialog)
        self.notes_edit.setObjectName(u"notes_edit")

        self.form.setWidget(11, QFormLayout.ItemRole.FieldRole, self.notes_edit)


        self.main_layout.addLayout(self.form)

        self.source_label = QLabel(PersonDialog)
        self.source_label.setObjectName(u"source_label")
        self.source_label.setWordWrap(True)

        self.main_layout.addWidget(self.source_label)

        self.problem_label = QLabel(PersonDialog)
        self.problem_label.setObjectName(u"problem_label")
        self.problem_label.setWordWrap(True)

        self.main_layout.addWidget(self.problem_label)

        self.button_box = QDialogButtonBox(PersonDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.main_layout.addWidget(self.button_box)

#if QT_CONFIG(shortcut)
        self.name_label.setBuddy(self.name_edit)
        self.honorific_label.setBuddy(self.honorific_edit)
        self.job_title_label.setBuddy(self.job_title_edit)
        self.organisation_label.setBuddy(self.organisation_edit)
        self.country_label.setBuddy(self.country_combo)
        self.sector_label.setBuddy(self.sector_combo)
        self.gender_label.setBuddy(self.gender_combo)
        self.role_label.setBuddy(self.role_combo)
        self.email_label.setBuddy(self.email_edit)
        self.phone_label.setBuddy(self.phone_edit)
        self.languages_label.setBuddy(self.languages_edit)
        self.notes_label.setBuddy(self.notes_edit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.name_edit, self.honorific_edit)
        QWidget.setTabOrder(self.honorific_edit, self.job_title_edit)
        QWidget.setTabOrder(self.job_title_edit, self.organisation_edit)
        QWidget.setTabOrder(self.organisation_edit, self.country_combo)
        QWidget.setTabOrder(self.country_combo, self.sector_combo)
        QWidget.setTabOrder(self.sector_combo, self.gender_combo)
        QWidget.setTabOrder(self.gender_combo, self.role_combo)
        QWidget.setTabOrder(self.role_combo, self.email_edit)
        QWidget.setTabOrder(self.email_edit, self.phone_edit)
        QWidget.setTabOrder(self.phone_edit, self.languages_edit)
        QWidget.setTabOrder(self.languages_edit, self.notes_edit)

        self.retranslateUi(PersonDialog)

        QMetaObject.connectSlotsByName(PersonDialog)
    # setupUi

    def retranslateUi(self, PersonDialog):
        PersonDialog.setWindowTitle(QCoreApplication.translate("PersonDialog", u"Participant", None))
        self.name_label.setText(QCoreApplication.translate("PersonDialog", u"&Name", None))
        self.name_edit.setPlaceholderText(QCoreApplication.translate("PersonDialog", u"As it should appear on the badge", None))
        self.honorific_label.setText(QCoreApplication.translate("PersonDialog", u"&Honorific", None))
        self.honorific_edit.setPlaceholderText(QCoreApplication.translate("PersonDialog", u"Dr, Ms, H.E. \u2026", None))
        self.job_title_label.setText(QCoreApplication.translate("PersonDialog", u"&Job title", None))
        self.organisation_label.setText(QCoreApplication.translate("PersonDialog", u"&Organisation", None))
        self.country_label.setText(QCoreApplication.translate("PersonDialog", u"&Country", None))
        self.sector_label.setText(QCoreApplication.translate("PersonDialog", u"&Sector", None))
        self.gender_label.setText(QCoreApplication.translate("PersonDialog", u"&Gender", None))
        self.role_label.setText(QCoreApplication.translate("PersonDialog", u"&Role", None))
        self.email_label.setText(QCoreApplication.translate("PersonDialog", u"&E-mail", None))
        self.phone_label.setText(QCoreApplication.translate("PersonDialog", u"&Phone", None))
        self.languages_label.setText(QCoreApplication.translate("PersonDialog", u"&Languages", None))
        self.languages_edit.setPlaceholderText(QCoreApplication.translate("PersonDialog", u"en, ru, fr", None))
        self.notes_label.setText(QCoreApplication.translate("PersonDialog", u"No&tes", None))
        self.source_label.setStyleSheet(QCoreApplication.translate("PersonDialog", u"color: palette(mid);", None))
        self.problem_label.setStyleSheet(QCoreApplication.translate("PersonDialog", u"color: #B3261E;", None))
    # retranslateUi

