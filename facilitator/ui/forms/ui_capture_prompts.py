# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'capture_prompts.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QDialog,
    QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel,
    QLineEdit, QListView, QPushButton, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

class Ui_CapturePromptsDialog(object):
    def setupUi(self, CapturePromptsDialog):
        if not CapturePromptsDialog.objectName():
            CapturePromptsDialog.setObjectName(u"CapturePromptsDialog")
        CapturePromptsDialog.resize(520, 420)
        self.main_layout = QVBoxLayout(CapturePromptsDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.form_layout = QFormLayout()
        self.form_layout.setObjectName(u"form_layout")
        self.title_label = QLabel(CapturePromptsDialog)
        self.title_label.setObjectName(u"title_label")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.title_label)

        self.title_edit = QLineEdit(CapturePromptsDialog)
        self.title_edit.setObjectName(u"title_edit")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.title_edit)


        self.main_layout.addLayout(self.form_layout)

        self.help_label = QLabel(CapturePromptsDialog)
        self.help_label.setObjectName(u"help_label")
        self.help_label.setWordWrap(True)

        self.main_layout.addWidget(self.help_label)

        self.list_layout = QHBoxLayout()
        self.list_layout.setObjectName(u"list_layout")
        self.prompt_list = QListView(CapturePromptsDialog)
        self.prompt_list.setObjectName(u"prompt_list")
        self.prompt_list.setEditTriggers(QAbstractItemView.EditTrigger.DoubleClicked|QAbstractItemView.EditTrigger.EditKeyPressed)

        self.list_layout.addWidget(self.prompt_list)

        self.button_column = QVBoxLayout()
        self.button_column.setObjectName(u"button_column")
        self.add_button = QPushButton(CapturePromptsDialog)
        self.add_button.setObjectName(u"add_button")

        self.button_column.addWidget(self.add_button)

        self.remove_button = QPushButton(CapturePromptsDialog)
        self.remove_button.setObjectName(u"remove_button")

        self.button_column.addWidget(self.remove_button)

        self.up_button = QPushButton(CapturePromptsDialog)
        self.up_button.setObjectName(u"up_button")

        self.button_column.addWidget(self.up_button)

        self.down_button = QPushButton(CapturePromptsDialog)
        self.down_button.setObjectName(u"down_button")

        self.button_column.addWidget(self.down_button)

        self.button_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.button_column.addItem(self.button_spacer)


        self.list_layout.addLayout(self.button_column)


        self.main_layout.addLayout(self.list_layout)

        self.new_layout = QHBoxLayout()
        self.new_layout.setObjectName(u"new_layout")
        self.new_prompt_edit = QLineEdit(CapturePromptsDialog)
        self.new_prompt_edit.setObjectName(u"new_prompt_edit")

        self.new_layout.addWidget(self.new_prompt_edit)


        self.main_layout.addLayout(self.new_layout)

        self.error_label = QLabel(CapturePromptsDialog)
        self.error_label.setObjectName(u"error_label")
        self.error_label.setStyleSheet(u"color: #B00020;")

        self.main_layout.addWidget(self.error_label)

        self.button_box = QDialogButtonBox(CapturePromptsDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.main_layout.addWidget(self.button_box)

#if QT_CONFIG(shortcut)
        self.title_label.setBuddy(self.title_edit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(CapturePromptsDialog)

        QMetaObject.connectSlotsByName(CapturePromptsDialog)
    # setupUi

    def retranslateUi(self, CapturePromptsDialog):
        CapturePromptsDialog.setWindowTitle(QCoreApplication.translate("CapturePromptsDialog", u"Worksheet prompts", None))
        self.title_label.setText(QCoreApplication.translate("CapturePromptsDialog", u"&Exercise:", None))
        self.title_edit.setPlaceholderText(QCoreApplication.translate("CapturePromptsDialog", u"e.g. Design a prevention campaign", None))
        self.help_label.setText(QCoreApplication.translate("CapturePromptsDialog", u"Each team's rapporteur answers every prompt. Double-click a prompt to rename it.", None))
        self.add_button.setText(QCoreApplication.translate("CapturePromptsDialog", u"&Add", None))
        self.remove_button.setText(QCoreApplication.translate("CapturePromptsDialog", u"&Remove", None))
        self.up_button.setText(QCoreApplication.translate("CapturePromptsDialog", u"Move &up", None))
        self.down_button.setText(QCoreApplication.translate("CapturePromptsDialog", u"Move &down", None))
        self.new_prompt_edit.setPlaceholderText(QCoreApplication.translate("CapturePromptsDialog", u"New prompt, then Enter (e.g. Target audience)", None))
    # retranslateUi

