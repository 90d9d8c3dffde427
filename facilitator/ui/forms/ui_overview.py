# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'overview.ui'
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
from PySide6.QtWidgets import (QApplication, QCheckBox, QComboBox, QDateEdit,
    QFormLayout, QGroupBox, QHBoxLayout, QLabel,
    QLineEdit, QPlainTextEdit, QSizePolicy, QSpacerItem,
    QVBoxLayout, QWidget)

class Ui_OverviewForm(object):
    def setupUi(self, OverviewForm):
        if not OverviewForm.objectName():
            OverviewForm.setObjectName(u"OverviewForm")
        OverviewForm.resize(980, 640)
        self.main_layout = QHBoxLayout(OverviewForm)
        self.main_layout.setObjectName(u"main_layout")
        self.details_group = QGroupBox(OverviewForm)
        self.details_group.setObjectName(u"details_group")
        self.details_form = QFormLayout(self.details_group)
        self.details_form.setObjectName(u"details_form")
        self.details_form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.title_label = QLabel(self.details_group)
        self.title_label.setObjectName(u"title_label")

        self.details_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.title_label)

        self.title_edit = QLineEdit(self.details_group)
        self.title_edit.setObjectName(u"title_edit")

        self.details_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.title_edit)

        self.subtitle_label = QLabel(self.details_group)
        self.subtitle_label.setObjectName(u"subtitle_label")

        self.details_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.subtitle_label)

        self.subtitle_edit = QLineEdit(self.details_group)
        self.subtitle_edit.setObjectName(u"subtitle_edit")

        self.details_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.subtitle_edit)

        self.venue_label = QLabel(self.details_group)
        self.venue_label.setObjectName(u"venue_label")

        self.details_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.venue_label)

        self.venue_edit = QLineEdit(self.details_group)
        self.venue_edit.setObjectName(u"venue_edit")

        self.details_form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.venue_edit)

        self.place_label = QLabel(self.details_group)
        self.place_label.setObjectName(u"place_label")

        self.details_form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.place_label)

        self.place_layout = QHBoxLayout()
        self.place_layout.setObjectName(u"place_layout")
        self.city_edit = QLineEdit(self.details_group)
        self.city_edit.setObjectName(u"city_edit")

        self.place_layout.addWidget(self.city_edit)

        self.country_edit = QLineEdit(self.details_group)
        self.country_edit.setObjectName(u"country_edit")

        self.place_layout.addWidget(self.country_edit)


        self.details_form.setLayout(3, QFormLayout.ItemRole.FieldRole, self.place_layout)

        self.dates_label = QLabel(self.details_group)
        self.dates_label.setObjectName(u"dates_label")

        self.details_form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.dates_label)

        self.dates_layout = QHBoxLayout()
        self.dates_layout.setObjectName(u"dates_layout")
        self.start_date_edit = QDateEdit(self.details_group)
        self.start_date_edit.setObjectName(u"start_date_edit")
        self.start_date_edit.setCalendarPopup(True)

        self.dates_layout.addWidget(self.start_date_edit)

        self.to_label = QLabel(self.details_group)
        self.to_label.setObjectName(u"to_label")

        self.dates_layout.addWidget(self.to_label)

        self.end_date_edit = QDateEdit(self.details_group)
        self.end_date_edit.setObjectName(u"end_date_edit")
        self.end_date_edit.setCalendarPopup(True)

        self.dates_layout.addWidget(self.end_date_edit)

        self.dates_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.dates_layout.addItem(self.dates_spacer)


        self.details_form.setLayout(4, QFormLayout.ItemRole.FieldRole, self.dates_layout)

        self.timezone_label = QLabel(self.details_group)
        self.timezone_label.setObjectName(u"timezone_label")

        self.details_form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.timezone_label)

        self.timezone_combo = QComboBox(self.details_group)
        self.timezone_combo.setObjectName(u"timezone_combo")
        self.timezone_combo.setEditable(True)

        self.details_form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.timezone_combo)

        self.languages_label = QLabel(self.details_group)
        self.languages_label.setObjectName(u"languages_label")

        self.details_form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.languages_label)

        self.languages_edit = QLineEdit(self.details_group)
        self.languages_edit.setObjectName(u"languages_edit")

        self.details_form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.languages_edit)

        self.organisers_label = QLabel(self.details_group)
        self.organisers_label.setObjectName(u"organisers_label")

        self.details_form.setWidget(7, QFormLayout.ItemRole.LabelRole, self.organisers_label)

        self.organisers_edit = QPlainTextEdit(self.details_group)
        self.organisers_edit.setObjectName(u"organisers_edit")
        self.organisers_edit.setMinimumSize(QSize(0, 48))
        self.organisers_edit.setMaximumSize(QSize(16777215, 84))
        self.organisers_edit.setTabChangesFocus(True)

        self.details_form.setWidget(7, QFormLayout.ItemRole.FieldRole, self.organisers_edit)

        self.funders_label = QLabel(self.details_group)
        self.funders_label.setObjectName(u"funders_label")

        self.details_form.setWidget(8, QFormLayout.ItemRole.LabelRole, self.funders_label)

        self.funders_edit = QPlainTextEdit(self.details_group)
        self.funders_edit.setObjectName(u"funders_edit")
        self.funders_edit.setMinimumSize(QSize(0, 48))
        self.funders_edit.setMaximumSize(QSize(16777215, 84))
        self.funders_edit.setTabChangesFocus(True)

        self.details_form.setWidget(8, QFormLayout.ItemRole.FieldRole, self.funders_edit)

        self.signatories_label = QLabel(self.details_group)
        self.signatories_label.setObjectName(u"signatories_label")

        self.details_form.setWidget(9, QFormLayout.ItemRole.LabelRole, self.signatories_label)

        self.signatories_edit = QPlainTextEdit(self.details_group)
        self.signatories_edit.setObjectName(u"signatories_edit")
        self.signatories_edit.setMinimumSize(QSize(0, 48))
        self.signatories_edit.setMaximumSize(QSize(16777215, 66))
        self.signatories_edit.setTabChangesFocus(True)

        self.details_form.setWidget(9, QFormLayout.ItemRole.FieldRole, self.signatories_edit)

        self.privacy_label = QLabel(self.details_group)
        self.privacy_label.setObjectName(u"privacy_label")

        self.details_form.setWidget(10, QFormLayout.ItemRole.LabelRole, self.privacy_label)

        self.privacy_combo = QComboBox(self.details_group)
        self.privacy_combo.setObjectName(u"privacy_combo")

        self.details_form.setWidget(10, QFormLayout.ItemRole.FieldRole, self.privacy_combo)

        self.chatham_check = QCheckBox(self.details_group)
        self.chatham_check.setObjectName(u"chatham_check")

        self.details_form.setWidget(11, QFormLayout.ItemRole.FieldRole, self.chatham_check)

        self.half_days_check = QCheckBox(self.details_group)
        self.half_days_check.setObjectName(u"half_days_check")

        self.details_form.setWidget(12, QFormLayout.ItemRole.FieldRole, self.half_days_check)

        self.description_label = QLabel(self.details_group)
        self.description_label.setObjectName(u"description_label")

        self.details_form.setWidget(13, QFormLayout.ItemRole.LabelRole, self.description_label)

        self.description_edit = QPlainTextEdit(self.details_group)
        self.description_edit.setObjectName(u"description_edit")
        self.description_edit.setMinimumSize(QSize(0, 48))
        self.description_edit.setTabChangesFocus(True)

        self.details_form.setWidget(13, QFormLayout.ItemRole.FieldRole, self.description_edit)


        self.main_layout.addWidget(self.details_group)

        self.glance_group = QGroupBox(OverviewForm)
        self.glance_group.setObjectName(u"glance_group")
        self.glance_layout = QVBoxLayout(self.glance_group)
        self.glance_layout.setObjectName(u"glance_layout")
        self.glance_label = QLabel(self.glance_group)
        self.glance_label.setObjectName(u"glance_label")
        self.glance_label.setTextFormat(Qt.RichText)
        self.glance_label.setAlignment(Qt.AlignLeading|Qt.AlignLeft|Qt.AlignTop)
        self.glance_label.setWordWrap(True)
        self.glance_label.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.glance_layout.addWidget(self.glance_label)

        self.glance_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.glance_layout.addItem(self.glance_spacer)


        self.main_layout.addWidget(self.glance_group)

#if QT_CONFIG(shortcut)
        self.title_label.setBuddy(self.title_edit)
        self.subtitle_label.setBuddy(self.subtitle_edit)
        self.venue_label.setBuddy(self.venue_edit)
        self.place_label.setBuddy(self.city_edit)
        self.dates_label.setBuddy(self.start_date_edit)
        self.timezone_label.setBuddy(self.timezone_combo)
        self.languages_label.setBuddy(self.languages_edit)
        self.organisers_label.setBuddy(self.organisers_edit)
        self.funders_label.setBuddy(self.funders_edit)
        self.signatories_label.setBuddy(self.signatories_edit)
        self.privacy_label.setBuddy(self.privacy_combo)
        self.description_label.setBuddy(self.description_edit)
#endif // QT_CONFIG(shortcut)
        QWidget.setTabOrder(self.title_edit, self.subtitle_edit)
        QWidget.setTabOrder(self.subtitle_edit, self.venue_edit)
        QWidget.setTabOrder(self.venue_edit, self.city_edit)
        QWidget.setTabOrder(self.city_edit, self.country_edit)
        QWidget.setTabOrder(self.country_edit, self.start_date_edit)
        QWidget.setTabOrder(self.start_date_edit, self.end_date_edit)
        QWidget.setTabOrder(self.end_date_edit, self.timezone_combo)
        QWidget.setTabOrder(self.timezone_combo, self.languages_edit)
        QWidget.setTabOrder(self.languages_edit, self.organisers_edit)
        QWidget.setTabOrder(self.organisers_edit, self.funders_edit)
        QWidget.setTabOrder(self.funders_edit, self.signatories_edit)
        QWidget.setTabOrder(self.signatories_edit, self.privacy_combo)
        QWidget.setTabOrder(self.privacy_combo, self.chatham_check)
        QWidget.setTabOrder(self.chatham_check, self.half_days_check)
        QWidget.setTabOrder(self.half_days_check, self.description_edit)

        self.retranslateUi(OverviewForm)

        QMetaObject.connectSlotsByName(OverviewForm)
    # setupUi

    def retranslateUi(self, OverviewForm):
        self.details_group.setTitle(QCoreApplication.translate("OverviewForm", u"Workshop details", None))
        self.title_label.setText(QCoreApplication.translate("OverviewForm", u"&Title", None))
        self.subtitle_label.setText(QCoreApplication.translate("OverviewForm", u"Su&btitle", None))
        self.venue_label.setText(QCoreApplication.translate("OverviewForm", u"Ve&nue", None))
        self.place_label.setText(QCoreApplication.translate("OverviewForm", u"&City, country", None))
        self.city_edit.setPlaceholderText(QCoreApplication.translate("OverviewForm", u"City", None))
        self.country_edit.setPlaceholderText(QCoreApplication.translate("OverviewForm", u"Country", None))
        self.dates_label.setText(QCoreApplication.translate("OverviewForm", u"&Dates", None))
        self.start_date_edit.setDisplayFormat(QCoreApplication.translate("OverviewForm", u"d MMM yyyy", None))
        self.to_label.setText(QCoreApplication.translate("OverviewForm", u"to", None))
        self.end_date_edit.setDisplayFormat(QCoreApplication.translate("OverviewForm", u"d MMM yyyy", None))
        self.timezone_label.setText(QCoreApplication.translate("OverviewForm", u"Time &zone", None))
        self.languages_label.setText(QCoreApplication.translate("OverviewForm", u"Working &languages", None))
        self.languages_edit.setPlaceholderText(QCoreApplication.translate("OverviewForm", u"e.g. en, ru", None))
        self.organisers_label.setText(QCoreApplication.translate("OverviewForm", u"&Organisers", None))
        self.organisers_edit.setPlaceholderText(QCoreApplication.translate("OverviewForm", u"One per line", None))
        self.funders_label.setText(QCoreApplication.translate("OverviewForm", u"F&unders and partners", None))
        self.funders_edit.setPlaceholderText(QCoreApplication.translate("OverviewForm", u"One per line", None))
        self.signatories_label.setText(QCoreApplication.translate("OverviewForm", u"Certificate &signatories", None))
        self.signatories_edit.setPlaceholderText(QCoreApplication.translate("OverviewForm", u"Name | Title, one per line", None))
        self.privacy_label.setText(QCoreApplication.translate("OverviewForm", u"&Privacy of lists", None))
        self.chatham_check.setText(QCoreApplication.translate("OverviewForm", u"Chatham House &Rule: reports attribute no statement to anyone", None))
        self.half_days_check.setText(QCoreApplication.translate("OverviewForm", u"&Attendance by half-day (morning and afternoon)", None))
        self.description_label.setText(QCoreApplication.translate("OverviewForm", u"Descr&iption", None))
        self.glance_group.setTitle(QCoreApplication.translate("OverviewForm", u"At a glance", None))
        pass
    # retranslateUi

