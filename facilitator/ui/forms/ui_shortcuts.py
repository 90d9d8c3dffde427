# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'shortcuts.ui'
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
    QDialogButtonBox, QHBoxLayout, QHeaderView, QLabel,
    QLineEdit, QSizePolicy, QTreeView, QVBoxLayout,
    QWidget)

class Ui_ShortcutsDialog(object):
    def setupUi(self, shortcuts_dialog):
        if not shortcuts_dialog.objectName():
            shortcuts_dialog.setObjectName(u"shortcuts_dialog")
        shortcuts_dialog.resize(720, 560)
        self.main_layout = QVBoxLayout(shortcuts_dialog)
        self.main_layout.setObjectName(u"main_layout")
        self.search_layout = QHBoxLayout()
        self.search_layout.setObjectName(u"search_layout")
        self.search_label = QLabel(shortcuts_dialog)
        self.search_label.setObjectName(u"search_label")

        self.search_layout.addWidget(self.search_label)

        self.search_edit = QLineEdit(shortcuts_dialog)
        self.search_edit.setObjectName(u"search_edit")
        self.search_edit.setClearButtonEnabled(True)

        self.search_layout.addWidget(self.search_edit)


        self.main_layout.addLayout(self.search_layout)

        self.keys_view = QTreeView(shortcuts_dialog)
        self.keys_view.setObjectName(u"keys_view")
        self.keys_view.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.keys_view.setAlternatingRowColors(True)
        self.keys_view.setUniformRowHeights(True)
        self.keys_view.setAllColumnsShowFocus(True)

        self.main_layout.addWidget(self.keys_view)

        self.note_label = QLabel(shortcuts_dialog)
        self.note_label.setObjectName(u"note_label")
        self.note_label.setWordWrap(True)

        self.main_layout.addWidget(self.note_label)

        self.button_box = QDialogButtonBox(shortcuts_dialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.Close)

        self.main_layout.addWidget(self.button_box)

#if QT_CONFIG(shortcut)
        self.search_label.setBuddy(self.search_edit)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(shortcuts_dialog)

        QMetaObject.connectSlotsByName(shortcuts_dialog)
    # setupUi

    def retranslateUi(self, shortcuts_dialog):
        shortcuts_dialog.setWindowTitle(QCoreApplication.translate("ShortcutsDialog", u"Keyboard shortcuts", None))
        self.search_label.setText(QCoreApplication.translate("ShortcutsDialog", u"&Find", None))
        self.search_edit.setPlaceholderText(QCoreApplication.translate("ShortcutsDialog", u"a key (ctrl+n, alt+s) or a command (session, star\u2026)", None))
    # retranslateUi

