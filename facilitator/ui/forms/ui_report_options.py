# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'report_options.ui'
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
from PySide6.QtWidgets import (QApplication, QCheckBox, QComboBox, QFormLayout,
    QGroupBox, QHBoxLayout, QLabel, QListView,
    QPlainTextEdit, QPushButton, QSizePolicy, QSpacerItem,
    QTabWidget, QVBoxLayout, QWidget)

class Ui_ReportOptions(object):
    def setupUi(self, ReportOptions):
        if not ReportOptions.objectName():
            ReportOptions.setObjectName(u"ReportOptions")
        ReportOptions.resize(420, 640)
        self.main_layout = QVBoxLayout(ReportOptions)
        self.main_layout.setObjectName(u"main_layout")
        self.main_layout.setContentsMargins(-1, -1, -1, 0)
        self.sections_label = QLabel(ReportOptions)
        self.sections_label.setObjectName(u"sections_label")

        self.main_layout.addWidget(self.sections_label)

        self.sections_layout = QHBoxLayout()
        self.sections_layout.setObjectName(u"sections_layout")
        self.sections_view = QListView(ReportOptions)
        self.sections_view.setObjectName(u"sections_view")

        self.sections_layout.addWidget(self.sections_view)

        self.order_layout = QVBoxLayout()
        self.order_layout.setObjectName(u"order_layout")
        self.up_button = QPushButton(ReportOptions)
        self.up_button.setObjectName(u"up_button")

        self.order_layout.addWidget(self.up_button)

        self.down_button = QPushButton(ReportOptions)
        self.down_button.setObjectName(u"down_button")

        self.order_layout.addWidget(self.down_button)

        self.order_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.order_layout.addItem(self.order_spacer)


        self.sections_layout.addLayout(self.order_layout)


        self.main_layout.addLayout(self.sections_layout)

        self.text_tabs = QTabWidget(ReportOptions)
        self.text_tabs.setObjectName(u"text_tabs")
        self.summary_tab = QWidget()
        self.summary_tab.setObjectName(u"summary_tab")
        self.summary_layout = QVBoxLayout(self.summary_tab)
        self.summary_layout.setObjectName(u"summary_layout")
        self.summary_edit = QPlainTextEdit(self.summary_tab)
        self.summary_edit.setObjectName(u"summary_edit")

        self.summary_layout.addWidget(self.summary_edit)

        self.text_tabs.addTab(self.summary_tab, "")
        self.way_forward_tab = QWidget()
        self.way_forward_tab.setObjectName(u"way_forward_tab")
        self.way_forward_layout = QVBoxLayout(self.way_forward_tab)
        self.way_forward_layout.setObjectName(u"way_forward_layout")
        self.way_forward_edit = QPlainTextEdit(self.way_forward_tab)
        self.way_forward_edit.setObjectName(u"way_forward_edit")

        self.way_forward_layout.addWidget(self.way_forward_edit)

        self.text_tabs.addTab(self.way_forward_tab, "")
        self.acknowledgements_tab = QWidget()
        self.acknowledgements_tab.setObjectName(u"acknowledgements_tab")
        self.acknowledgements_layout = QVBoxLayout(self.acknowledgements_tab)
        self.acknowledgements_layout.setObjectName(u"acknowledgements_layout")
        self.acknowledgements_edit = QPlainTextEdit(self.acknowledgements_tab)
        self.acknowledgements_edit.setObjectName(u"acknowledgements_edit")

        self.acknowledgements_layout.addWidget(self.acknowledgements_edit)

        self.text_tabs.addTab(self.acknowledgements_tab, "")

        self.main_layout.addWidget(self.text_tabs)

        self.options_box = QGroupBox(ReportOptions)
        self.options_box.setObjectName(u"options_box")
        self.options_layout = QFormLayout(self.options_box)
        self.options_layout.setObjectName(u"options_layout")
        self.anonymous_check = QCheckBox(self.options_box)
        self.anonymous_check.setObjectName(u"anonymous_check")

        self.options_layout.setWidget(0, QFormLayout.ItemRole.SpanningRole, self.anonymous_check)

        self.starred_check = QCheckBox(self.options_box)
        self.starred_check.setObjectName(u"starred_check")

        self.options_layout.setWidget(1, QFormLayout.ItemRole.SpanningRole, self.starred_check)

        self.draft_check = QCheckBox(self.options_box)
        self.draft_check.setObjectName(u"draft_check")

        self.options_layout.setWidget(2, QFormLayout.ItemRole.SpanningRole, self.draft_check)

        self.paper_label = QLabel(self.options_box)
        self.paper_label.setObjectName(u"paper_label")

        self.options_layout.setWidget(3, QFormLayout.ItemRole.LabelRole, self.paper_label)

        self.paper_combo = QComboBox(self.options_box)
        self.paper_combo.addItem("")
        self.paper_combo.addItem("")
        self.paper_combo.setObjectName(u"paper_combo")

        self.options_layout.setWidget(3, QFormLayout.ItemRole.FieldRole, self.paper_combo)


        self.main_layout.addWidget(self.options_box)

#if QT_CONFIG(shortcut)
        self.sections_label.setBuddy(self.sections_view)
        self.paper_label.setBuddy(self.paper_combo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ReportOptions)

        QMetaObject.connectSlotsByName(ReportOptions)
    # setupUi

    def retranslateUi(self, ReportOptions):
        self.sections_label.setText(QCoreApplication.translate("ReportOptions", u"&Sections (tick to include, drag or use the arrows to order):", None))
        self.up_button.setText(QCoreApplication.translate("ReportOptions", u"Move &up", None))
        self.down_button.setText(QCoreApplication.translate("ReportOptions", u"Move d&own", None))
        self.summary_edit.setPlaceholderText(QCoreApplication.translate("ReportOptions", u"Left empty, the report summarises the workshop description and its numbers.", None))
        self.text_tabs.setTabText(self.text_tabs.indexOf(self.summary_tab), QCoreApplication.translate("ReportOptions", u"Executive summary", None))
        self.text_tabs.setTabText(self.text_tabs.indexOf(self.way_forward_tab), QCoreApplication.translate("ReportOptions", u"Way forward", None))
        self.text_tabs.setTabText(self.text_tabs.indexOf(self.acknowledgements_tab), QCoreApplication.translate("ReportOptions", u"Acknowledgements", None))
        self.options_box.setTitle(QCoreApplication.translate("ReportOptions", u"Options", None))
        self.anonymous_check.setText(QCoreApplication.translate("ReportOptions", u"&Anonymised (Chatham House Rule: nobody named)", None))
        self.starred_check.setText(QCoreApplication.translate("ReportOptions", u"S&tarred notes only", None))
        self.draft_check.setText(QCoreApplication.translate("ReportOptions", u"DRAFT water&mark", None))
        self.paper_label.setText(QCoreApplication.translate("ReportOptions", u"Pape&r:", None))
        self.paper_combo.setItemText(0, QCoreApplication.translate("ReportOptions", u"A4", None))
        self.paper_combo.setItemText(1, QCoreApplication.translate("ReportOptions", u"Letter", None))

        pass
    # retranslateUi

