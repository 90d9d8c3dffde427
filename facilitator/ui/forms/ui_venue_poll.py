# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'venue_poll.ui'
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
    QListWidget, QListWidgetItem, QPlainTextEdit, QSizePolicy,
    QSpinBox, QVBoxLayout, QWidget)

class Ui_VenuePollDialog(object):
    def setupUi(self, VenuePollDialog):
        if not VenuePollDialog.objectName():
            VenuePollDialog.setObjectName(u"VenuePollDialog")
        VenuePollDialog.resize(620, 560)
        self.main_layout = QVBoxLayout(VenuePollDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.form_layout = QFormLayout()
        self.form_layout.setObjectName(u"form_layout")
        self.question_label = QLabel(VenuePollDialog)
        self.question_label.setObjectName(u"question_label")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.question_label)

        self.question_edit = QLineEdit(VenuePollDialog)
        self.question_edit.setObjectName(u"question_edit")
        self.question_edit.setMaxLength(300)

        self.form_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.question_edit)

        self.kind_label = QLabel(VenuePollDialog)
        self.kind_label.setObjectName(u"kind_label")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.kind_label)

        self.kind_combo = QComboBox(VenuePollDialog)
        self.kind_combo.setObjectName(u"kind_combo")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.kind_combo)

        self.session_label = QLabel(VenuePollDialog)
        self.session_label.setObjectName(u"session_label")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.session_label)

        self.session_combo = QComboBox(VenuePollDialog)
        self.session_combo.setObjectName(u"session_combo")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.session_combo)

        self.scale_label = QLabel(VenuePollDialog)
        self.scale_label.setObjectName(u"scale_label")

        self.form_layout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.scale_label)

        self.scale_combo = QComboBox(VenuePollDialog)
        self.scale_combo.setObjectName(u"scale_combo")

        self.form_layout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.scale_combo)

        self.max_label = QLabel(VenuePollDialog)
        self.max_label.setObjectName(u"max_label")

        self.form_layout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.max_label)

        self.max_spin = QSpinBox(VenuePollDialog)
        self.max_spin.setObjectName(u"max_spin")
        self.max_spin.setMaximum(30)

        self.form_layout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.max_spin)

        self.dots_label = QLabel(VenuePollDialog)
        self.dots_label.setObjectName(u"dots_label")

        self.form_layout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.dots_label)

        self.dots_spin = QSpinBox(VenuePollDialog)
        self.dots_spin.setObjectName(u"dots_spin")
        self.dots_spin.setMinimum(1)
        self.dots_spin.setMaximum(20)
        self.dots_spin.setValue(3)

        self.form_layout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.dots_spin)


        self.main_layout.addLayout(self.form_layout)

        self.options_label = QLabel(VenuePollDialog)
        self.options_label.setObjectName(u"options_label")
        self.options_label.setWordWrap(True)

        self.main_layout.addWidget(self.options_label)

        self.options_edit = QPlainTextEdit(VenuePollDialog)
        self.options_edit.setObjectName(u"options_edit")
        self.options_edit.setTabChangesFocus(True)

        self.main_layout.addWidget(self.options_edit)

        self.recommendations_list = QListWidget(VenuePollDialog)
        self.recommendations_list.setObjectName(u"recommendations_list")

        self.main_layout.addWidget(self.recommendations_list)

        self.error_label = QLabel(VenuePollDialog)
        self.error_label.setObjectName(u"error_label")
        self.error_label.setWordWrap(True)

        self.main_layout.addWidget(self.error_label)

        self.button_box = QDialogButtonBox(VenuePollDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.main_layout.addWidget(self.button_box)

#if QT_CONFIG(shortcut)
        self.question_label.setBuddy(self.question_edit)
        self.kind_label.setBuddy(self.kind_combo)
        self.session_label.setBuddy(self.session_combo)
        self.scale_label.setBuddy(self.scale_combo)
        self.max_label.setBuddy(self.max_spin)
        self.dots_label.setBuddy(self.dots_spin)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(VenuePollDialog)

        QMetaObject.connectSlotsByName(VenuePollDialog)
    # setupUi

    def retranslateUi(self, VenuePollDialog):
        VenuePollDialog.setWindowTitle(QCoreApplication.translate("VenuePollDialog", u"Poll", None))
        self.question_label.setText(QCoreApplication.translate("VenuePollDialog", u"&Question:", None))
        self.question_edit.setPlaceholderText(QCoreApplication.translate("VenuePollDialog", u"e.g. Which measure should come first?", None))
        self.kind_label.setText(QCoreApplication.translate("VenuePollDialog", u"&Kind:", None))
        self.session_label.setText(QCoreApplication.translate("VenuePollDialog", u"&Session:", None))
        self.scale_label.setText(QCoreApplication.translate("VenuePollDialog", u"S&cale:", None))
        self.max_label.setText(QCoreApplication.translate("VenuePollDialog", u"&Most per person:", None))
        self.max_spin.setSpecialValueText(QCoreApplication.translate("VenuePollDialog", u"Any number", None))
        self.dots_label.setText(QCoreApplication.translate("VenuePollDialog", u"&Dots per person:", None))
        self.options_label.setText(QCoreApplication.translate("VenuePollDialog", u"Options, one per line:", None))
        self.error_label.setStyleSheet(QCoreApplication.translate("VenuePollDialog", u"color: #B42318;", None))
    # retranslateUi

