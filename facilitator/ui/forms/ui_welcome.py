# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'welcome.ui'
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
from PySide6.QtWidgets import (QApplication, QLabel, QPushButton, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

class Ui_WelcomePage(object):
    def setupUi(self, WelcomePage):
        if not WelcomePage.objectName():
            WelcomePage.setObjectName(u"WelcomePage")
        WelcomePage.resize(800, 520)
        self.main_layout = QVBoxLayout(WelcomePage)
        self.main_layout.setObjectName(u"main_layout")
        self.top_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.main_layout.addItem(self.top_spacer)

        self.title_label = QLabel(WelcomePage)
        self.title_label.setObjectName(u"title_label")
        self.title_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title_label.setWordWrap(True)

        self.main_layout.addWidget(self.title_label)

        self.new_button = QPushButton(WelcomePage)
        self.new_button.setObjectName(u"new_button")
        self.new_button.setMinimumSize(QSize(260, 0))

        self.main_layout.addWidget(self.new_button, 0, Qt.AlignmentFlag.AlignCenter)

        self.open_button = QPushButton(WelcomePage)
        self.open_button.setObjectName(u"open_button")
        self.open_button.setMinimumSize(QSize(260, 0))

        self.main_layout.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignCenter)

        self.demo_button = QPushButton(WelcomePage)
        self.demo_button.setObjectName(u"demo_button")
        self.demo_button.setMinimumSize(QSize(260, 0))

        self.main_layout.addWidget(self.demo_button, 0, Qt.AlignmentFlag.AlignCenter)

        self.bottom_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.main_layout.addItem(self.bottom_spacer)

        self.main_layout.setStretch(0, 1)
        self.main_layout.setStretch(5, 2)

        self.retranslateUi(WelcomePage)

        QMetaObject.connectSlotsByName(WelcomePage)
    # setupUi

    def retranslateUi(self, WelcomePage):
        self.title_label.setText(QCoreApplication.translate("WelcomePage", u"<h1>Facilitator</h1><p>Plan the agenda, run the sessions, form breakout teams, capture notes and print the outcome report, all offline, in one workshop file.</p>", None))
        self.new_button.setText(QCoreApplication.translate("WelcomePage", u"&New workshop\u2026", None))
        self.open_button.setText(QCoreApplication.translate("WelcomePage", u"&Open workshop\u2026", None))
        self.demo_button.setText(QCoreApplication.translate("WelcomePage", u"Open the &demo workshop", None))
        pass
    # retranslateUi

