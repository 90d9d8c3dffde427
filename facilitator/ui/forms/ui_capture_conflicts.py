# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'capture_conflicts.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QDialog, QDialogButtonBox,
    QGridLayout, QLabel, QListView, QPlainTextEdit,
    QPushButton, QSizePolicy, QSplitter, QVBoxLayout,
    QWidget)

class Ui_CaptureConflictsDialog(object):
    def setupUi(self, CaptureConflictsDialog):
        if not CaptureConflictsDialog.objectName():
            CaptureConflictsDialog.setObjectName(u"CaptureConflictsDialog")
        CaptureConflictsDialog.resize(760, 460)
        self.main_layout = QVBoxLayout(CaptureConflictsDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.intro_label = QLabel(CaptureConflictsDialog)
        self.intro_label.setObjectName(u"intro_label")
        self.intro_label.setWordWrap(True)

        self.main_layout.addWidget(self.intro_label)

        self.splitter = QSplitter(CaptureConflictsDialog)
        self.splitter.setObjectName(u"splitter")
        self.splitter.setOrientation(Qt.Orientation.Horizontal)
        self.conflict_list = QListView(self.splitter)
        self.conflict_list.setObjectName(u"conflict_list")
        self.splitter.addWidget(self.conflict_list)
        self.versions_widget = QWidget(self.splitter)
        self.versions_widget.setObjectName(u"versions_widget")
        self.versions_layout = QGridLayout(self.versions_widget)
        self.versions_layout.setObjectName(u"versions_layout")
        self.versions_layout.setContentsMargins(0, 0, 0, 0)
        self.mine_label = QLabel(self.versions_widget)
        self.mine_label.setObjectName(u"mine_label")

        self.versions_layout.addWidget(self.mine_label, 0, 0, 1, 1)

        self.other_label = QLabel(self.versions_widget)
        self.other_label.setObjectName(u"other_label")

        self.versions_layout.addWidget(self.other_label, 0, 1, 1, 1)

        self.mine_text = QPlainTextEdit(self.versions_widget)
        self.mine_text.setObjectName(u"mine_text")
        self.mine_text.setReadOnly(True)

        self.versions_layout.addWidget(self.mine_text, 1, 0, 1, 1)

        self.other_text = QPlainTextEdit(self.versions_widget)
        self.other_text.setObjectName(u"other_text")
        self.other_text.setReadOnly(True)

        self.versions_layout.addWidget(self.other_text, 1, 1, 1, 1)

        self.keep_mine_button = QPushButton(self.versions_widget)
        self.keep_mine_button.setObjectName(u"keep_mine_button")

        self.versions_layout.addWidget(self.keep_mine_button, 2, 0, 1, 1)

        self.keep_other_button = QPushButton(self.versions_widget)
        self.keep_other_button.setObjectName(u"keep_other_button")

        self.versions_layout.addWidget(self.keep_other_button, 2, 1, 1, 1)

        self.keep_both_button = QPushButton(self.versions_widget)
        self.keep_both_button.setObjectName(u"keep_both_button")

        self.versions_layout.addWidget(self.keep_both_button, 3, 0, 1, 2)

        self.splitter.addWidget(self.versions_widget)

        self.main_layout.addWidget(self.splitter)

        self.button_box = QDialogButtonBox(CaptureConflictsDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.StandardButton.Close)

        self.main_layout.addWidget(self.button_box)


        self.retranslateUi(CaptureConflictsDialog)

        QMetaObject.connectSlotsByName(CaptureConflictsDialog)
    # setupUi

    def retranslateUi(self, CaptureConflictsDialog):
        CaptureConflictsDialog.setWindowTitle(QCoreApplication.translate("CaptureConflictsDialog", u"Resolve merge conflicts", None))
        self.intro_label.setText(QCoreApplication.translate("CaptureConflictsDialog", u"These notes were changed differently in this copy and in a merged copy. Choose which version to keep, or keep both.", None))
        self.mine_label.setText(QCoreApplication.translate("CaptureConflictsDialog", u"This copy", None))
        self.other_label.setText(QCoreApplication.translate("CaptureConflictsDialog", u"Other copy", None))
        self.keep_mine_button.setText(QCoreApplication.translate("CaptureConflictsDialog", u"Keep &this copy's version", None))
        self.keep_other_button.setText(QCoreApplication.translate("CaptureConflictsDialog", u"Use the &other copy's version", None))
        self.keep_both_button.setText(QCoreApplication.translate("CaptureConflictsDialog", u"Keep &both as separate notes", None))
    # retranslateUi

