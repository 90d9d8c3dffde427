# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'report_unresolved.ui'
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
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QDialog, QHBoxLayout,
    QHeaderView, QLabel, QPushButton, QSizePolicy,
    QSpacerItem, QTableView, QVBoxLayout, QWidget)

class Ui_ReportUnresolved(object):
    def setupUi(self, ReportUnresolved):
        if not ReportUnresolved.objectName():
            ReportUnresolved.setObjectName(u"ReportUnresolved")
        ReportUnresolved.resize(900, 460)
        self.main_layout = QVBoxLayout(ReportUnresolved)
        self.main_layout.setObjectName(u"main_layout")
        self.message_label = QLabel(ReportUnresolved)
        self.message_label.setObjectName(u"message_label")
        self.message_label.setWordWrap(True)

        self.main_layout.addWidget(self.message_label)

        self.hits_view = QTableView(ReportUnresolved)
        self.hits_view.setObjectName(u"hits_view")
        self.hits_view.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.hits_view.setAlternatingRowColors(True)
        self.hits_view.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.hits_view.setWordWrap(False)

        self.main_layout.addWidget(self.hits_view)

        self.buttons_layout = QHBoxLayout()
        self.buttons_layout.setObjectName(u"buttons_layout")
        self.buttons_spacer = QSpacerItem(0, 0, QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)

        self.buttons_layout.addItem(self.buttons_spacer)

        self.withhold_button = QPushButton(ReportUnresolved)
        self.withhold_button.setObjectName(u"withhold_button")

        self.buttons_layout.addWidget(self.withhold_button)

        self.review_button = QPushButton(ReportUnresolved)
        self.review_button.setObjectName(u"review_button")

        self.buttons_layout.addWidget(self.review_button)

        self.cancel_button = QPushButton(ReportUnresolved)
        self.cancel_button.setObjectName(u"cancel_button")

        self.buttons_layout.addWidget(self.cancel_button)


        self.main_layout.addLayout(self.buttons_layout)


        self.retranslateUi(ReportUnresolved)

        self.review_button.setDefault(True)


        QMetaObject.connectSlotsByName(ReportUnresolved)
    # setupUi

    def retranslateUi(self, ReportUnresolved):
        ReportUnresolved.setWindowTitle(QCoreApplication.translate("ReportUnresolved", u"Possible names nobody has decided about", None))
#if QT_CONFIG(tooltip)
        self.withhold_button.setToolTip(QCoreApplication.translate("ReportUnresolved", u"Write the file with every one of them withheld; they stay undecided in the workshop", None))
#endif // QT_CONFIG(tooltip)
        self.withhold_button.setText(QCoreApplication.translate("ReportUnresolved", u"&Withhold all and export", None))
#if QT_CONFIG(tooltip)
        self.review_button.setToolTip(QCoreApplication.translate("ReportUnresolved", u"Write nothing now; decide each in the Report area's Privacy check", None))
#endif // QT_CONFIG(tooltip)
        self.review_button.setText(QCoreApplication.translate("ReportUnresolved", u"&Review in Privacy check", None))
        self.cancel_button.setText(QCoreApplication.translate("ReportUnresolved", u"Cancel", None))
    # retranslateUi

