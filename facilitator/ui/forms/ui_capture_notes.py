# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'capture_notes.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QCheckBox, QComboBox,
    QDateEdit, QHBoxLayout, QHeaderView, QLabel,
    QLineEdit, QSizePolicy, QVBoxLayout, QWidget)

from facilitator.ui.capture.note_list import NoteListView
from facilitator.ui.capture.widgets import NoteInput

class Ui_CaptureNotesPanel(object):
    def setupUi(self, notes_panel):
        if not notes_panel.objectName():
            notes_panel.setObjectName(u"notes_panel")
        notes_panel.resize(780, 560)
        self.notes_layout = QVBoxLayout(notes_panel)
        self.notes_layout.setObjectName(u"notes_layout")
        self.notes_layout.setContentsMargins(0, 0, 0, 0)
        self.kind_layout = QHBoxLayout()
        self.kind_layout.setObjectName(u"kind_layout")
        self.kind_label = QLabel(notes_panel)
        self.kind_label.setObjectName(u"kind_label")

        self.kind_layout.addWidget(self.kind_label)

        self.kind_combo = QComboBox(notes_panel)
        self.kind_combo.setObjectName(u"kind_combo")

        self.kind_layout.addWidget(self.kind_combo)

        self.prefix_hint = QLabel(notes_panel)
        self.prefix_hint.setObjectName(u"prefix_hint")

        self.kind_layout.addWidget(self.prefix_hint)

        self.kind_layout.setStretch(2, 1)

        self.notes_layout.addLayout(self.kind_layout)

        self.note_input = NoteInput(notes_panel)
        self.note_input.setObjectName(u"note_input")
        self.note_input.setTabChangesFocus(True)

        self.notes_layout.addWidget(self.note_input)

        self.said_by_layout = QHBoxLayout()
        self.said_by_layout.setObjectName(u"said_by_layout")
        self.said_by_edit = QLineEdit(notes_panel)
        self.said_by_edit.setObjectName(u"said_by_edit")

        self.said_by_layout.addWidget(self.said_by_edit)

        self.star_check = QCheckBox(notes_panel)
        self.star_check.setObjectName(u"star_check")

        self.said_by_layout.addWidget(self.star_check)

        self.said_by_layout.setStretch(0, 3)

        self.notes_layout.addLayout(self.said_by_layout)

        self.action_row = QWidget(notes_panel)
        self.action_row.setObjectName(u"action_row")
        self.action_layout = QHBoxLayout(self.action_row)
        self.action_layout.setObjectName(u"action_layout")
        self.action_layout.setContentsMargins(0, 0, 0, 0)
        self.owner_edit = QLineEdit(self.action_row)
        self.owner_edit.setObjectName(u"owner_edit")

        self.action_layout.addWidget(self.owner_edit)

        self.due_check = QCheckBox(self.action_row)
        self.due_check.setObjectName(u"due_check")

        self.action_layout.addWidget(self.due_check)

        self.due_edit = QDateEdit(self.action_row)
        self.due_edit.setObjectName(u"due_edit")
        self.due_edit.setEnabled(False)
        self.due_edit.setDisplayFormat(u"yyyy-MM-dd")
        self.due_edit.setCalendarPopup(True)

        self.action_layout.addWidget(self.due_edit)

        self.status_combo = QComboBox(self.action_row)
        self.status_combo.setObjectName(u"status_combo")

        self.action_layout.addWidget(self.status_combo)


        self.notes_layout.addWidget(self.action_row)

        self.hint_label = QLabel(notes_panel)
        self.hint_label.setObjectName(u"hint_label")
        self.hint_label.setStyleSheet(u"color: #555;")
        self.hint_label.setWordWrap(True)

        self.notes_layout.addWidget(self.hint_label)

        self.note_list = NoteListView(notes_panel)
        self.note_list.setObjectName(u"note_list")
        self.note_list.setEditTriggers(QAbstractItemView.EditTrigger.AnyKeyPressed|QAbstractItemView.EditTrigger.DoubleClicked|QAbstractItemView.EditTrigger.EditKeyPressed)
        self.note_list.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.note_list.setWordWrap(True)
        self.note_list.verticalHeader().setVisible(False)

        self.notes_layout.addWidget(self.note_list)

        self.notes_layout.setStretch(5, 1)
#if QT_CONFIG(shortcut)
        self.kind_label.setBuddy(self.kind_combo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(notes_panel)

        QMetaObject.connectSlotsByName(notes_panel)
    # setupUi

    def retranslateUi(self, notes_panel):
        self.kind_label.setText(QCoreApplication.translate("CaptureNotesPanel", u"&Kind", None))
        self.said_by_edit.setPlaceholderText(QCoreApplication.translate("CaptureNotesPanel", u"Said by: a name from the roster, or e.g. \u201ca civil-society participant from Thailand\u201d", None))
        self.star_check.setText(QCoreApplication.translate("CaptureNotesPanel", u"Sta&r", None))
        self.owner_edit.setPlaceholderText(QCoreApplication.translate("CaptureNotesPanel", u"Owner (who will do it)", None))
        self.due_check.setText(QCoreApplication.translate("CaptureNotesPanel", u"&Due", None))
        self.hint_label.setText(QCoreApplication.translate("CaptureNotesPanel", u"Enter saves \u00b7 Shift+Enter new line \u00b7 Alt+1\u20268 or a prefix like \u201cr:\u201d sets the kind \u00b7 in the list: F2 edits, Space stars, Alt+\u2191/\u2193 moves, Delete removes", None))
        pass
    # retranslateUi

