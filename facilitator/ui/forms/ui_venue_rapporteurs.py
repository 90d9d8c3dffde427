# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'venue_rapporteurs.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QHBoxLayout, QHeaderView,
    QLabel, QLineEdit, QPushButton, QSizePolicy,
    QSpacerItem, QTableView, QVBoxLayout, QWidget)

class Ui_VenueRapporteursPanel(object):
    def setupUi(self, VenueRapporteursPanel):
        if not VenueRapporteursPanel.objectName():
            VenueRapporteursPanel.setObjectName(u"VenueRapporteursPanel")
        VenueRapporteursPanel.resize(640, 240)
        self.panel_layout = QHBoxLayout(VenueRapporteursPanel)
        self.panel_layout.setObjectName(u"panel_layout")
        self.panel_layout.setContentsMargins(0, -1, 0, -1)
        self.keys_column = QVBoxLayout()
        self.keys_column.setObjectName(u"keys_column")
        self.rapporteurs_intro_label = QLabel(VenueRapporteursPanel)
        self.rapporteurs_intro_label.setObjectName(u"rapporteurs_intro_label")
        self.rapporteurs_intro_label.setWordWrap(True)

        self.keys_column.addWidget(self.rapporteurs_intro_label)

        self.new_key_row = QHBoxLayout()
        self.new_key_row.setObjectName(u"new_key_row")
        self.name_edit = QLineEdit(VenueRapporteursPanel)
        self.name_edit.setObjectName(u"name_edit")
        self.name_edit.setMaxLength(60)

        self.new_key_row.addWidget(self.name_edit)

        self.add_button = QPushButton(VenueRapporteursPanel)
        self.add_button.setObjectName(u"add_button")

        self.new_key_row.addWidget(self.add_button)


        self.keys_column.addLayout(self.new_key_row)

        self.rapporteurs_view = QTableView(VenueRapporteursPanel)
        self.rapporteurs_view.setObjectName(u"rapporteurs_view")
        self.rapporteurs_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.rapporteurs_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)

        self.keys_column.addWidget(self.rapporteurs_view)

        self.key_actions_row = QHBoxLayout()
        self.key_actions_row.setObjectName(u"key_actions_row")
        self.rapporteur_url_label = QLabel(VenueRapporteursPanel)
        self.rapporteur_url_label.setObjectName(u"rapporteur_url_label")
        self.rapporteur_url_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.key_actions_row.addWidget(self.rapporteur_url_label)

        self.key_actions_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.key_actions_row.addItem(self.key_actions_spacer)

        self.copy_button = QPushButton(VenueRapporteursPanel)
        self.copy_button.setObjectName(u"copy_button")

        self.key_actions_row.addWidget(self.copy_button)

        self.revoke_button = QPushButton(VenueRapporteursPanel)
        self.revoke_button.setObjectName(u"revoke_button")

        self.key_actions_row.addWidget(self.revoke_button)


        self.keys_column.addLayout(self.key_actions_row)


        self.panel_layout.addLayout(self.keys_column)

        self.rapporteur_qr_label = QLabel(VenueRapporteursPanel)
        self.rapporteur_qr_label.setObjectName(u"rapporteur_qr_label")
        self.rapporteur_qr_label.setMinimumSize(QSize(200, 200))
        self.rapporteur_qr_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.rapporteur_qr_label.setWordWrap(True)

        self.panel_layout.addWidget(self.rapporteur_qr_label)


        self.retranslateUi(VenueRapporteursPanel)

        QMetaObject.connectSlotsByName(VenueRapporteursPanel)
    # setupUi

    def retranslateUi(self, VenueRapporteursPanel):
        self.rapporteurs_intro_label.setText(QCoreApplication.translate("VenueRapporteursPanel", u"A rapporteur on another laptop or a tablet captures notes in a browser with a key of their own. Scan the code here, on this screen only: never show it on a projector.", None))
        self.name_edit.setPlaceholderText(QCoreApplication.translate("VenueRapporteursPanel", u"Rapporteur's name", None))
        self.add_button.setText(QCoreApplication.translate("VenueRapporteursPanel", u"&New key", None))
        self.copy_button.setText(QCoreApplication.translate("VenueRapporteursPanel", u"Cop&y address", None))
        self.revoke_button.setText(QCoreApplication.translate("VenueRapporteursPanel", u"Re&voke", None))
#if QT_CONFIG(tooltip)
        self.revoke_button.setToolTip(QCoreApplication.translate("VenueRapporteursPanel", u"The key stops working at once; notes waiting in that browser stay there", None))
#endif // QT_CONFIG(tooltip)
        pass
    # retranslateUi

