# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'venue_server.ui'
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
    QDialog, QDialogButtonBox, QFormLayout, QGroupBox,
    QHBoxLayout, QLabel, QPushButton, QSizePolicy,
    QSpacerItem, QSpinBox, QVBoxLayout, QWidget)

class Ui_VenueServerDialog(object):
    def setupUi(self, VenueServerDialog):
        if not VenueServerDialog.objectName():
            VenueServerDialog.setObjectName(u"VenueServerDialog")
        VenueServerDialog.resize(760, 700)
        self.main_layout = QHBoxLayout(VenueServerDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.left_column = QVBoxLayout()
        self.left_column.setObjectName(u"left_column")
        self.intro_label = QLabel(VenueServerDialog)
        self.intro_label.setObjectName(u"intro_label")
        self.intro_label.setWordWrap(True)

        self.left_column.addWidget(self.intro_label)

        self.form_layout = QFormLayout()
        self.form_layout.setObjectName(u"form_layout")
        self.interface_label = QLabel(VenueServerDialog)
        self.interface_label.setObjectName(u"interface_label")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.interface_label)

        self.interface_row = QHBoxLayout()
        self.interface_row.setObjectName(u"interface_row")
        self.interface_combo = QComboBox(VenueServerDialog)
        self.interface_combo.setObjectName(u"interface_combo")
        sizePolicy = QSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        sizePolicy.setHorizontalStretch(1)
        sizePolicy.setVerticalStretch(0)
        sizePolicy.setHeightForWidth(self.interface_combo.sizePolicy().hasHeightForWidth())
        self.interface_combo.setSizePolicy(sizePolicy)

        self.interface_row.addWidget(self.interface_combo)

        self.refresh_button = QPushButton(VenueServerDialog)
        self.refresh_button.setObjectName(u"refresh_button")

        self.interface_row.addWidget(self.refresh_button)


        self.form_layout.setLayout(0, QFormLayout.ItemRole.FieldRole, self.interface_row)

        self.port_label = QLabel(VenueServerDialog)
        self.port_label.setObjectName(u"port_label")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.port_label)

        self.port_spin = QSpinBox(VenueServerDialog)
        self.port_spin.setObjectName(u"port_spin")
        self.port_spin.setMinimum(1024)
        self.port_spin.setMaximum(65535)
        self.port_spin.setValue(8765)

        self.form_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.port_spin)

        self.named_check = QCheckBox(VenueServerDialog)
        self.named_check.setObjectName(u"named_check")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.named_check)


        self.left_column.addLayout(self.form_layout)

        self.start_row = QHBoxLayout()
        self.start_row.setObjectName(u"start_row")
        self.start_button = QPushButton(VenueServerDialog)
        self.start_button.setObjectName(u"start_button")

        self.start_row.addWidget(self.start_button)

        self.stop_button = QPushButton(VenueServerDialog)
        self.stop_button.setObjectName(u"stop_button")

        self.start_row.addWidget(self.stop_button)

        self.room_button = QPushButton(VenueServerDialog)
        self.room_button.setObjectName(u"room_button")

        self.start_row.addWidget(self.room_button)


        self.left_column.addLayout(self.start_row)

        self.status_label = QLabel(VenueServerDialog)
        self.status_label.setObjectName(u"status_label")
        self.status_label.setWordWrap(True)

        self.left_column.addWidget(self.status_label)

        self.url_label = QLabel(VenueServerDialog)
        self.url_label.setObjectName(u"url_label")
        self.url_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.left_column.addWidget(self.url_label)

        self.code_row = QHBoxLayout()
        self.code_row.setObjectName(u"code_row")
        self.code_label = QLabel(VenueServerDialog)
        self.code_label.setObjectName(u"code_label")
        self.code_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.code_row.addWidget(self.code_label)

        self.rotate_button = QPushButton(VenueServerDialog)
        self.rotate_button.setObjectName(u"rotate_button")

        self.code_row.addWidget(self.rotate_button)


        self.left_column.addLayout(self.code_row)

        self.connected_label = QLabel(VenueServerDialog)
        self.connected_label.setObjectName(u"connected_label")
        self.connected_label.setWordWrap(True)
        self.connected_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.left_column.addWidget(self.connected_label)

        self.rapporteurs_box = QGroupBox(VenueServerDialog)
        self.rapporteurs_box.setObjectName(u"rapporteurs_box")
        self.rapporteurs_layout = QVBoxLayout(self.rapporteurs_box)
        self.rapporteurs_layout.setObjectName(u"rapporteurs_layout")

        self.left_column.addWidget(self.rapporteurs_box)

        self.left_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.left_column.addItem(self.left_spacer)

        self.bottom_row = QHBoxLayout()
        self.bottom_row.setObjectName(u"bottom_row")
        self.projector_button = QPushButton(VenueServerDialog)
        self.projector_button.setObjectName(u"projector_button")

        self.bottom_row.addWidget(self.projector_button)

        self.button_box = QDialogButtonBox(VenueServerDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.bottom_row.addWidget(self.button_box)


        self.left_column.addLayout(self.bottom_row)


        self.main_layout.addLayout(self.left_column)

        self.qr_label = QLabel(VenueServerDialog)
        self.qr_label.setObjectName(u"qr_label")
        self.qr_label.setMinimumSize(QSize(260, 260))
        self.qr_label.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.main_layout.addWidget(self.qr_label)

#if QT_CONFIG(shortcut)
        self.interface_label.setBuddy(self.interface_combo)
        self.port_label.setBuddy(self.port_spin)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(VenueServerDialog)

        QMetaObject.connectSlotsByName(VenueServerDialog)
    # setupUi

    def retranslateUi(self, VenueServerDialog):
        VenueServerDialog.setWindowTitle(QCoreApplication.translate("VenueServerDialog", u"Venue Wi-Fi", None))
        self.intro_label.setText(QCoreApplication.translate("VenueServerDialog", u"Participants answer polls, ask questions and fill in evaluations from their phones, over the venue's Wi-Fi (a travel router or this laptop's hotspot). Nothing leaves the room.", None))
        self.interface_label.setText(QCoreApplication.translate("VenueServerDialog", u"&Network:", None))
        self.refresh_button.setText(QCoreApplication.translate("VenueServerDialog", u"Re&fresh", None))
        self.port_label.setText(QCoreApplication.translate("VenueServerDialog", u"&Port:", None))
        self.named_check.setText(QCoreApplication.translate("VenueServerDialog", u"Ask participants for their names (na&med mode; anonymous when off)", None))
        self.start_button.setText(QCoreApplication.translate("VenueServerDialog", u"&Start", None))
        self.stop_button.setText(QCoreApplication.translate("VenueServerDialog", u"S&top", None))
        self.room_button.setText(QCoreApplication.translate("VenueServerDialog", u"&Close the room", None))
        self.rotate_button.setText(QCoreApplication.translate("VenueServerDialog", u"New co&de", None))
#if QT_CONFIG(tooltip)
        self.rotate_button.setToolTip(QCoreApplication.translate("VenueServerDialog", u"Phones already in stay in; new phones need the new code", None))
#endif // QT_CONFIG(tooltip)
        self.rapporteurs_box.setTitle(QCoreApplication.translate("VenueServerDialog", u"Rapporteurs", None))
        self.projector_button.setText(QCoreApplication.translate("VenueServerDialog", u"Show on pro&jector", None))
    # retranslateUi

