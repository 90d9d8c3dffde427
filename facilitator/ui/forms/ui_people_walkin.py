# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'people_walkin.ui'
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
    QSizePolicy, QVBoxLayout, QWidget)

class Ui_WalkInDialog(object):
    def setupUi(self, WalkInDialog):
        if not WalkInDialog.objectName():
            WalkInDialog.setObjectName(u"WalkInDialog")
        WalkInDialog.resize(420, 240)
        self.main_layout = QVBoxLayout(WalkInDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.form = QFormLayout()
        self.form.setObjectName(u"form")
        self.name_label = QLabel(WalkInDialog)
        self.name_label.setObjectName(u"name_label")

        self.form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.name_label)

        self.name_edit = QLineEdit(WalkInDialog)
        self.name_edit.setObjectName(u"name_edit")

        self.form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.name_edit)

        self.organisation_label = QLabel(WalkInDialog)
        self.organisation_label.setObjectName(u"organisation_label")

        self.form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.organisation_label)

        self.organisation_edit = QLineEdit(WalkInDialog)
        self.organisation_edit.setObjectName(u"organisation_edit")

        self.form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.organisation_edit)

        self.country_label = QLabel(WalkInDialog)
        self.country_label.setObjectName(u"country_label")

        self.form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.country_label)

        self.country_combo = QComboBox(WalkInDialog)
        self.country_combo.setObjectName(u"country_combo")
        self.country_combo.setEditable(True)

        self.form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.country_combo)

        self.sector_label = QLabel(WalkInDialog)
        self.sector_label.setObjectName(u"sector_label")

        self.form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.sector_label)

        self.sector_combo = QComboBox(WalkInDialog)
        self.sector_combo.setObjectName(u"sector_combo")

        self.form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.sector_combo)

        self.gender_label = QLabel(WalkInDialog)
        self.gender_label.setObjectName(u"gender_label")

        self.form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.gender_label)

        self.gender_combo = QComboBox(WalkInDialog)
        self.gender_combo.setObjectName(u"gender_combo")

        self.form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.gender_combo)


        self.main_layout.addLayout(self.form)

        self.button_box = QDialogButtonBox(WalkInDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.main_layout.addWidget(self.button_box)

#if QT_CONFIG(shortcut)
        self.name_label.setBuddy(self.name_edit)
        self.organisation_label.setBuddy(self.organisation_edit)
        self.country_label.setBuddy(self.country_combo)
        self.sector_label.setBuddy(self.sector_combo)
        self.gender_label.setBuddy(self.gender_combo)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.name_edit, self.organisation_edit)
        QWidget.setTabOrder(self.organisation_edit, self.country_combo)
        QWidget.setTabOrder(self.country_combo, self.sector_combo)
        QWidget.setTabOrder(self.sector_combo, self.gender_combo)

        self.retranslateUi(WalkInDialog)

        QMetaObject.connectSlotsByName(WalkInDialog)
    # setupUi

    def retranslateUi(self, WalkInDialog):
        WalkInDialog.setWindowTitle(QCoreApplication.translate("WalkInDialog", u"Walk-in", None))
        self.name_label.setText(QCoreApplication.translate("WalkInDialog", u"&Name", None))
        self.organisation_label.setText(QCoreApplication.translate("WalkInDialog", u"&Organisation", None))
        self.country_label.setText(QCoreApplication.translate("WalkInDialog", u"&Country", None))
        self.sector_label.setText(QCoreApplication.translate("WalkInDialog", u"&Sector", None))
        self.gender_label.setText(QCoreApplication.translate("WalkInDialog", u"&Gender", None))
    # retranslateUi

