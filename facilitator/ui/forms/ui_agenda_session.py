# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'agenda_session.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QComboBox,
    QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout,
    QLabel, QLineEdit, QListView, QPlainTextEdit,
    QPushButton, QSizePolicy, QSpacerItem, QSpinBox,
    QTimeEdit, QVBoxLayout, QWidget)

class Ui_AgendaSessionDialog(object):
    def setupUi(self, AgendaSessionDialog):
        if not AgendaSessionDialog.objectName():
            AgendaSessionDialog.setObjectName(u"AgendaSessionDialog")
        AgendaSessionDialog.resize(620, 640)
        self.main_layout = QVBoxLayout(AgendaSessionDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.form_layout = QFormLayout()
        self.form_layout.setObjectName(u"form_layout")
        self.form_layout.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.title_label = QLabel(AgendaSessionDialog)
        self.title_label.setObjectName(u"title_label")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.title_label)

        self.title_edit = QLineEdit(AgendaSessionDialog)
        self.title_edit.setObjectName(u"title_edit")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.title_edit)

        self.kind_label = QLabel(AgendaSessionDialog)
        self.kind_label.setObjectName(u"kind_label")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.kind_label)

        self.kind_combo = QComboBox(AgendaSessionDialog)
        self.kind_combo.setObjectName(u"kind_combo")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.kind_combo)

        self.duration_label = QLabel(AgendaSessionDialog)
        self.duration_label.setObjectName(u"duration_label")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.duration_label)

        self.timing_layout = QHBoxLayout()
        self.timing_layout.setObjectName(u"timing_layout")
        self.duration_spin = QSpinBox(AgendaSessionDialog)
        self.duration_spin.setObjectName(u"duration_spin")
        self.duration_spin.setMaximum(720)
        self.duration_spin.setSingleStep(5)

        self.timing_layout.addWidget(self.duration_spin)

        self.fixed_check = QCheckBox(AgendaSessionDialog)
        self.fixed_check.setObjectName(u"fixed_check")

        self.timing_layout.addWidget(self.fixed_check)

        self.fixed_edit = QTimeEdit(AgendaSessionDialog)
        self.fixed_edit.setObjectName(u"fixed_edit")

        self.timing_layout.addWidget(self.fixed_edit)

        self.timing_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.timing_layout.addItem(self.timing_spacer)


        self.form_layout.setLayout(2, QFormLayout.ItemRole.FieldRole, self.timing_layout)

        self.parallel_label = QLabel(AgendaSessionDialog)
        self.parallel_label.setObjectName(u"parallel_label")

        self.form_layout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.parallel_label)

        self.parallel_edit = QLineEdit(AgendaSessionDialog)
        self.parallel_edit.setObjectName(u"parallel_edit")

        self.form_layout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.parallel_edit)

        self.room_label = QLabel(AgendaSessionDialog)
        self.room_label.setObjectName(u"room_label")

        self.form_layout.setWidget(4, QFormLayout.ItemRole.LabelRole, self.room_label)

        self.room_combo = QComboBox(AgendaSessionDialog)
        self.room_combo.setObjectName(u"room_combo")
        self.room_combo.setEditable(True)

        self.form_layout.setWidget(4, QFormLayout.ItemRole.FieldRole, self.room_combo)

        self.description_label = QLabel(AgendaSessionDialog)
        self.description_label.setObjectName(u"description_label")

        self.form_layout.setWidget(5, QFormLayout.ItemRole.LabelRole, self.description_label)

        self.description_edit = QPlainTextEdit(AgendaSessionDialog)
        self.description_edit.setObjectName(u"description_edit")
        self.description_edit.setTabChangesFocus(True)

        self.form_layout.setWidget(5, QFormLayout.ItemRole.FieldRole, self.description_edit)

        self.objectives_label = QLabel(AgendaSessionDialog)
        self.objectives_label.setObjectName(u"objectives_label")

        self.form_layout.setWidget(6, QFormLayout.ItemRole.LabelRole, self.objectives_label)

        self.objectives_edit = QPlainTextEdit(AgendaSessionDialog)
        self.objectives_edit.setObjectName(u"objectives_edit")
        self.objectives_edit.setTabChangesFocus(True)
        self.objectives_edit.setMaximumSize(QSize(16777215, 80))

        self.form_layout.setWidget(6, QFormLayout.ItemRole.FieldRole, self.objectives_edit)

        self.speakers_label = QLabel(AgendaSessionDialog)
        self.speakers_label.setObjectName(u"speakers_label")

        self.form_layout.setWidget(7, QFormLayout.ItemRole.LabelRole, self.speakers_label)

        self.speakers_layout = QVBoxLayout()
        self.speakers_layout.setObjectName(u"speakers_layout")
        self.pick_layout = QHBoxLayout()
        self.pick_layout.setObjectName(u"pick_layout")
        self.person_combo = QComboBox(AgendaSessionDialog)
        self.person_combo.setObjectName(u"person_combo")
        self.person_combo.setEditable(True)
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.person_combo.sizePolicy().hasHeightForWidth())
        self.person_combo.setSizePolicy(sizePolicy)

        self.pick_layout.addWidget(self.person_combo)

        self.role_combo = QComboBox(AgendaSessionDialog)
        self.role_combo.setObjectName(u"role_combo")

        self.pick_layout.addWidget(self.role_combo)

        self.add_speaker_button = QPushButton(AgendaSessionDialog)
        self.add_speaker_button.setObjectName(u"add_speaker_button")

        self.pick_layout.addWidget(self.add_speaker_button)


        self.speakers_layout.addLayout(self.pick_layout)

        self.speakers_view = QListView(AgendaSessionDialog)
        self.speakers_view.setObjectName(u"speakers_view")
        self.speakers_view.setMaximumSize(QSize(16777215, 110))

        self.speakers_layout.addWidget(self.speakers_view)

        self.speaker_buttons_layout = QHBoxLayout()
        self.speaker_buttons_layout.setObjectName(u"speaker_buttons_layout")
        self.up_speaker_button = QPushButton(AgendaSessionDialog)
        self.up_speaker_button.setObjectName(u"up_speaker_button")

        self.speaker_buttons_layout.addWidget(self.up_speaker_button)

        self.remove_speaker_button = QPushButton(AgendaSessionDialog)
        self.remove_speaker_button.setObjectName(u"remove_speaker_button")

        self.speaker_buttons_layout.addWidget(self.remove_speaker_button)

        self.speaker_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.speaker_buttons_layout.addItem(self.speaker_spacer)


        self.speakers_layout.addLayout(self.speaker_buttons_layout)


        self.form_layout.setLayout(7, QFormLayout.ItemRole.FieldRole, self.speakers_layout)


        self.main_layout.addLayout(self.form_layout)

        self.warning_label = QLabel(AgendaSessionDialog)
        self.warning_label.setObjectName(u"warning_label")
        self.warning_label.setWordWrap(True)

        self.main_layout.addWidget(self.warning_label)

        self.button_box = QDialogButtonBox(AgendaSessionDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Cancel|QDialogButtonBox.StandardButton.Ok)

        self.main_layout.addWidget(self.button_box)

#if QT_CONFIG(shortcut)
        self.title_label.setBuddy(self.title_edit)
        self.kind_label.setBuddy(self.kind_combo)
        self.duration_label.setBuddy(self.duration_spin)
        self.parallel_label.setBuddy(self.parallel_edit)
        self.room_label.setBuddy(self.room_combo)
        self.description_label.setBuddy(self.description_edit)
        self.objectives_label.setBuddy(self.objectives_edit)
        self.speakers_label.setBuddy(self.person_combo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(AgendaSessionDialog)

        QMetaObject.connectSlotsByName(AgendaSessionDialog)
    # setupUi

    def retranslateUi(self, AgendaSessionDialog):
        AgendaSessionDialog.setWindowTitle(QCoreApplication.translate("AgendaSessionDialog", u"Session", None))
        self.title_label.setText(QCoreApplication.translate("AgendaSessionDialog", u"&Title", None))
        self.kind_label.setText(QCoreApplication.translate("AgendaSessionDialog", u"&Kind", None))
        self.duration_label.setText(QCoreApplication.translate("AgendaSessionDialog", u"D&uration", None))
        self.duration_spin.setSuffix(QCoreApplication.translate("AgendaSessionDialog", u" min", None))
        self.fixed_check.setText(QCoreApplication.translate("AgendaSessionDialog", u"&Fixed start at", None))
        self.fixed_edit.setDisplayFormat(QCoreApplication.translate("AgendaSessionDialog", u"HH:mm", None))
        self.parallel_label.setText(QCoreApplication.translate("AgendaSessionDialog", u"&Parallel group", None))
        self.parallel_edit.setPlaceholderText(QCoreApplication.translate("AgendaSessionDialog", u"Same name = runs side by side (e.g. breakouts-1)", None))
        self.room_label.setText(QCoreApplication.translate("AgendaSessionDialog", u"&Room", None))
        self.description_label.setText(QCoreApplication.translate("AgendaSessionDialog", u"D&escription", None))
        self.objectives_label.setText(QCoreApplication.translate("AgendaSessionDialog", u"&Objectives", None))
        self.speakers_label.setText(QCoreApplication.translate("AgendaSessionDialog", u"&Speakers and moderators", None))
        self.add_speaker_button.setText(QCoreApplication.translate("AgendaSessionDialog", u"&Add", None))
        self.up_speaker_button.setText(QCoreApplication.translate("AgendaSessionDialog", u"Mo&ve up", None))
        self.remove_speaker_button.setText(QCoreApplication.translate("AgendaSessionDialog", u"Re&move", None))
        self.warning_label.setText("")
    # retranslateUi

