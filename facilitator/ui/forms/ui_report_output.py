# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'report_output.ui'
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
from PySide6.QtWidgets import (QApplication, QHBoxLayout, QLabel, QProgressBar,
    QPushButton, QSizePolicy, QVBoxLayout, QWidget)

class Ui_ReportOutput(object):
    def setupUi(self, ReportOutput):
        if not ReportOutput.objectName():
            ReportOutput.setObjectName(u"ReportOutput")
        ReportOutput.resize(420, 110)
        self.main_layout = QVBoxLayout(ReportOutput)
        self.main_layout.setObjectName(u"main_layout")
        self.main_layout.setContentsMargins(-1, 0, -1, -1)
        self.buttons_layout = QHBoxLayout()
        self.buttons_layout.setObjectName(u"buttons_layout")
        self.preview_button = QPushButton(ReportOutput)
        self.preview_button.setObjectName(u"preview_button")

        self.buttons_layout.addWidget(self.preview_button)

        self.export_pdf_button = QPushButton(ReportOutput)
        self.export_pdf_button.setObjectName(u"export_pdf_button")

        self.buttons_layout.addWidget(self.export_pdf_button)

        self.export_docx_button = QPushButton(ReportOutput)
        self.export_docx_button.setObjectName(u"export_docx_button")

        self.buttons_layout.addWidget(self.export_docx_button)


        self.main_layout.addLayout(self.buttons_layout)

        self.progress_layout = QHBoxLayout()
        self.progress_layout.setObjectName(u"progress_layout")
        self.progress_bar = QProgressBar(ReportOutput)
        self.progress_bar.setObjectName(u"progress_bar")
        self.progress_bar.setValue(0)

        self.progress_layout.addWidget(self.progress_bar)

        self.cancel_button = QPushButton(ReportOutput)
        self.cancel_button.setObjectName(u"cancel_button")
        self.cancel_button.setVisible(False)

        self.progress_layout.addWidget(self.cancel_button)


        self.main_layout.addLayout(self.progress_layout)

        self.status_label = QLabel(ReportOutput)
        self.status_label.setObjectName(u"status_label")
        self.status_label.setWordWrap(True)

        self.main_layout.addWidget(self.status_label)


        self.retranslateUi(ReportOutput)

        QMetaObject.connectSlotsByName(ReportOutput)
    # setupUi

    def retranslateUi(self, ReportOutput):
        self.preview_button.setText(QCoreApplication.translate("ReportOutput", u"&Preview", None))
        self.export_pdf_button.setText(QCoreApplication.translate("ReportOutput", u"Export P&DF\u2026", None))
        self.export_docx_button.setText(QCoreApplication.translate("ReportOutput", u"Export &Word\u2026", None))
#if QT_CONFIG(tooltip)
        self.cancel_button.setToolTip(QCoreApplication.translate("ReportOutput", u"Stop laying out the preview", None))
#endif // QT_CONFIG(tooltip)
        self.cancel_button.setText(QCoreApplication.translate("ReportOutput", u"&Cancel", None))
        pass
    # retranslateUi

