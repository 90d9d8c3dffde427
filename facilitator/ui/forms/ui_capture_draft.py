# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'capture_draft.ui'
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
from PySide6.QtWidgets import (QApplication, QHBoxLayout, QLabel, QPushButton,
    QSizePolicy, QWidget)

class Ui_CaptureDraftBanner(object):
    def setupUi(self, draft_banner):
        if not draft_banner.objectName():
            draft_banner.setObjectName(u"draft_banner")
        draft_banner.resize(1000, 40)
        draft_banner.setStyleSheet(u"#draft_banner { background: #E3F2FD; }")
        self.draft_layout = QHBoxLayout(draft_banner)
        self.draft_layout.setObjectName(u"draft_layout")
        self.draft_label = QLabel(draft_banner)
        self.draft_label.setObjectName(u"draft_label")

        self.draft_layout.addWidget(self.draft_label)

        self.discard_button = QPushButton(draft_banner)
        self.discard_button.setObjectName(u"discard_button")

        self.draft_layout.addWidget(self.discard_button)

        self.draft_layout.setStretch(0, 1)

        self.retranslateUi(draft_banner)

        QMetaObject.connectSlotsByName(draft_banner)
    # setupUi

    def retranslateUi(self, draft_banner):
        self.discard_button.setText(QCoreApplication.translate("CaptureDraftBanner", u"Disc&ard recovered text", None))
        pass
    # retranslateUi

