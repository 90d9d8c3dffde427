# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'venue_evaluation.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QApplication, QComboBox,
    QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout,
    QHeaderView, QLabel, QLineEdit, QPushButton,
    QSizePolicy, QSpacerItem, QTableView, QVBoxLayout,
    QWidget)

class Ui_VenueEvaluationDialog(object):
    def setupUi(self, VenueEvaluationDialog):
        if not VenueEvaluationDialog.objectName():
            VenueEvaluationDialog.setObjectName(u"VenueEvaluationDialog")
        VenueEvaluationDialog.resize(680, 520)
        self.main_layout = QVBoxLayout(VenueEvaluationDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.form_layout = QFormLayout()
        self.form_layout.setObjectName(u"form_layout")
        self.title_label = QLabel(VenueEvaluationDialog)
        self.title_label.setObjectName(u"title_label")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.title_label)

        self.title_edit = QLineEdit(VenueEvaluationDialog)
        self.title_edit.setObjectName(u"title_edit")
        self.title_edit.setMaxLength(120)

        self.form_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.title_edit)

        self.kind_label = QLabel(VenueEvaluationDialog)
        self.kind_label.setObjectName(u"kind_label")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.kind_label)

        self.kind_combo = QComboBox(VenueEvaluationDialog)
        self.kind_combo.setObjectName(u"kind_combo")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.kind_combo)

        self.day_label = QLabel(VenueEvaluationDialog)
        self.day_label.setObjectName(u"day_label")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.day_label)

        self.day_combo = QComboBox(VenueEvaluationDialog)
        self.day_combo.setObjectName(u"day_combo")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.day_combo)


        self.main_layout.addLayout(self.form_layout)

        self.questions_label = QLabel(VenueEvaluationDialog)
        self.questions_label.setObjectName(u"questions_label")
        self.questions_label.setWordWrap(True)

        self.main_layout.addWidget(self.questions_label)

        self.questions_row = QHBoxLayout()
        self.questions_row.setObjectName(u"questions_row")
        self.questions_view = QTableView(VenueEvaluationDialog)
        self.questions_view.setObjectName(u"questions_view")
        self.questions_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.questions_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)

        self.questions_row.addWidget(self.questions_view)

        self.button_column = QVBoxLayout()
        self.button_column.setObjectName(u"button_column")
        self.add_scale_button = QPushButton(VenueEvaluationDialog)
        self.add_scale_button.setObjectName(u"add_scale_button")

        self.button_column.addWidget(self.add_scale_button)

        self.add_text_button = QPushButton(VenueEvaluationDialog)
        self.add_text_button.setObjectName(u"add_text_button")

        self.button_column.addWidget(self.add_text_button)

        self.remove_button = QPushButton(VenueEvaluationDialog)
        self.remove_button.setObjectName(u"remove_button")

        self.button_column.addWidget(self.remove_button)

        self.up_button = QPushButton(VenueEvaluationDialog)
        self.up_button.setObjectName(u"up_button")

        self.button_column.addWidget(self.up_button)

        self.down_button = QPushButton(VenueEvaluationDialog)
        self.down_button.setObjectName(u"down_button")

        self.button_column.addWidget(self.down_button)

        self.button_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.button_column.addItem(self.button_spacer)


        self.questions_row.addLayout(self.button_column)


        self.main_layout.addLayout(self.questions_row)

        self.error_label = QLabel(VenueEvaluationDialog)
        self.error_label.setObjectName(u"error_label")
        self.error_label.setWordWrap(True)

        self.main_layout.addWidget(self.error_label)

        self.button_box = QDialogButtonBox(VenueEvaluationDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.main_layout.addWidget(self.button_box)

#if QT_CONFIG(shortcut)
        self.title_label.setBuddy(self.title_edit)
        self.kind_label.setBuddy(self.kind_combo)
        self.day_label.setBuddy(self.day_combo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(VenueEvaluationDialog)

        QMetaObject.connectSlotsByName(VenueEvaluationDialog)
    # setupUi

    def retranslateUi(self, VenueEvaluationDialog):
        VenueEvaluationDialog.setWindowTitle(QCoreApplication.translate("VenueEvaluationDialog", u"Evaluation", None))
        self.title_label.setText(QCoreApplication.translate("VenueEvaluationDialog", u"&Title:", None))
        self.kind_label.setText(QCoreApplication.translate("VenueEvaluationDialog", u"&Kind:", None))
        self.day_label.setText(QCoreApplication.translate("VenueEvaluationDialog", u"&Day:", None))
        self.questions_label.setText(QCoreApplication.translate("VenueEvaluationDialog", u"Questions (double-click to change the text or the kind):", None))
        self.add_scale_button.setText(QCoreApplication.translate("VenueEvaluationDialog", u"Add r&ating", None))
        self.add_text_button.setText(QCoreApplication.translate("VenueEvaluationDialog", u"Add &open question", None))
        self.remove_button.setText(QCoreApplication.translate("VenueEvaluationDialog", u"&Remove", None))
        self.up_button.setText(QCoreApplication.translate("VenueEvaluationDialog", u"Move &up", None))
        self.down_button.setText(QCoreApplication.translate("VenueEvaluationDialog", u"Move do&wn", None))
        self.error_label.setStyleSheet(QCoreApplication.translate("VenueEvaluationDialog", u"color: #B42318;", None))
    # retranslateUi

