# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'capture_worksheet.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QComboBox, QHBoxLayout,
    QHeaderView, QLabel, QPushButton, QSizePolicy,
    QTableView, QVBoxLayout, QWidget)

class Ui_CaptureWorksheetPanel(object):
    def setupUi(self, worksheet_panel):
        if not worksheet_panel.objectName():
            worksheet_panel.setObjectName(u"worksheet_panel")
        worksheet_panel.resize(640, 480)
        self.worksheet_layout = QVBoxLayout(worksheet_panel)
        self.worksheet_layout.setObjectName(u"worksheet_layout")
        self.exercise_layout = QHBoxLayout()
        self.exercise_layout.setObjectName(u"exercise_layout")
        self.exercise_label = QLabel(worksheet_panel)
        self.exercise_label.setObjectName(u"exercise_label")

        self.exercise_layout.addWidget(self.exercise_label)

        self.exercise_combo = QComboBox(worksheet_panel)
        self.exercise_combo.setObjectName(u"exercise_combo")

        self.exercise_layout.addWidget(self.exercise_combo)

        self.prompts_button = QPushButton(worksheet_panel)
        self.prompts_button.setObjectName(u"prompts_button")

        self.exercise_layout.addWidget(self.prompts_button)

        self.exercise_layout.setStretch(1, 1)

        self.worksheet_layout.addLayout(self.exercise_layout)

        self.worksheet_hint = QLabel(worksheet_panel)
        self.worksheet_hint.setObjectName(u"worksheet_hint")

        self.worksheet_layout.addWidget(self.worksheet_hint)

        self.worksheet_view = QTableView(worksheet_panel)
        self.worksheet_view.setObjectName(u"worksheet_view")
        self.worksheet_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.worksheet_view.setWordWrap(True)

        self.worksheet_layout.addWidget(self.worksheet_view)

        self.worksheet_layout.setStretch(2, 1)
#if QT_CONFIG(shortcut)
        self.exercise_label.setBuddy(self.exercise_combo)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(worksheet_panel)

        QMetaObject.connectSlotsByName(worksheet_panel)
    # setupUi

    def retranslateUi(self, worksheet_panel):
        self.exercise_label.setText(QCoreApplication.translate("CaptureWorksheetPanel", u"E&xercise", None))
        self.prompts_button.setText(QCoreApplication.translate("CaptureWorksheetPanel", u"Ed&it prompts\u2026", None))
        self.worksheet_hint.setText(QCoreApplication.translate("CaptureWorksheetPanel", u"Every team's answers side by side. Double-click or Enter on a cell to answer that prompt for that team.", None))
        pass
    # retranslateUi

