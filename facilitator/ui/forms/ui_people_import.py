# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'people_import.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QCheckBox, QDialog,
    QDialogButtonBox, QGroupBox, QHBoxLayout, QHeaderView,
    QLabel, QSizePolicy, QSpacerItem, QSpinBox,
    QSplitter, QTabWidget, QTableView, QTreeView,
    QVBoxLayout, QWidget)

class Ui_ImportDialog(object):
    def setupUi(self, ImportDialog):
        if not ImportDialog.objectName():
            ImportDialog.setObjectName(u"ImportDialog")
        ImportDialog.resize(1000, 720)
        self.main_layout = QVBoxLayout(ImportDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.file_label = QLabel(ImportDialog)
        self.file_label.setObjectName(u"file_label")
        self.file_label.setWordWrap(True)

        self.main_layout.addWidget(self.file_label)

        self.header_layout = QHBoxLayout()
        self.header_layout.setObjectName(u"header_layout")
        self.header_row_label = QLabel(ImportDialog)
        self.header_row_label.setObjectName(u"header_row_label")

        self.header_layout.addWidget(self.header_row_label)

        self.header_row_spin = QSpinBox(ImportDialog)
        self.header_row_spin.setObjectName(u"header_row_spin")
        self.header_row_spin.setMinimum(1)

        self.header_layout.addWidget(self.header_row_spin)

        self.header_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.header_layout.addItem(self.header_spacer)


        self.main_layout.addLayout(self.header_layout)

        self.splitter = QSplitter(ImportDialog)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Vertical)
        self.mapping_group = QGroupBox(self.splitter)
        self.mapping_group.setObjectName(u"mapping_group")
        self.mapping_layout = QVBoxLayout(self.mapping_group)
        self.mapping_layout.setObjectName(u"mapping_layout")
        self.mapping_view = QTableView(self.mapping_group)
        self.mapping_view.setObjectName(u"mapping_view")

        self.mapping_layout.addWidget(self.mapping_view)

        self.splitter.addWidget(self.mapping_group)
        self.result_tabs = QTabWidget(self.splitter)
        self.result_tabs.setObjectName(u"result_tabs")
        self.preview_tab = QWidget()
        self.preview_tab.setObjectName(u"preview_tab")
        self.preview_layout = QVBoxLayout(self.preview_tab)
        self.preview_layout.setObjectName(u"preview_layout")
        self.preview_view = QTreeView(self.preview_tab)
        self.preview_view.setObjectName(u"preview_view")
        self.preview_view.setAlternatingRowColors(True)
        self.preview_view.setUniformRowHeights(True)

        self.preview_layout.addWidget(self.preview_view)

        self.result_tabs.addTab(self.preview_tab, "")
        self.rejected_tab = QWidget()
        self.rejected_tab.setObjectName(u"rejected_tab")
        self.rejected_layout = QVBoxLayout(self.rejected_tab)
        self.rejected_layout.setObjectName(u"rejected_layout")
        self.rejected_view = QTableView(self.rejected_tab)
        self.rejected_view.setObjectName(u"rejected_view")

        self.rejected_layout.addWidget(self.rejected_view)

        self.result_tabs.addTab(self.rejected_tab, "")
        self.splitter.addWidget(self.result_tabs)

        self.main_layout.addWidget(self.splitter)

        self.summary_label = QLabel(ImportDialog)
        self.summary_label.setObjectName(u"summary_label")
        self.summary_label.setWordWrap(True)

        self.main_layout.addWidget(self.summary_label)

        self.skip_invalid_check = QCheckBox(ImportDialog)
        self.skip_invalid_check.setObjectName(u"skip_invalid_check")

        self.main_layout.addWidget(self.skip_invalid_check)

        self.button_box = QDialogButtonBox(ImportDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.main_layout.addWidget(self.button_box)

#if QT_CONFIG(shortcut)
        self.header_row_label.setBuddy(self.header_row_spin)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(ImportDialog)

        QMetaObject.connectSlotsByName(ImportDialog)
    # setupUi

    def retranslateUi(self, ImportDialog):
        ImportDialog.setWindowTitle(QCoreApplication.translate("ImportDialog", u"Import roster", None))
        self.header_row_label.setText(QCoreApplication.translate("ImportDialog", u"Column names are on row", None))
        self.mapping_group.setTitle(QCoreApplication.translate("ImportDialog", u"Columns: what each one holds (double-click to change)", None))
        self.result_tabs.setTabText(self.result_tabs.indexOf(self.preview_tab), QCoreApplication.translate("ImportDialog", u"Preview", None))
        self.result_tabs.setTabText(self.result_tabs.indexOf(self.rejected_tab), QCoreApplication.translate("ImportDialog", u"Rejected rows", None))
        self.skip_invalid_check.setText(QCoreApplication.translate("ImportDialog", u"&Skip the rejected rows and import the others", None))
    # retranslateUi

