# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'teams_exercise.ui'
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
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QDialog,
    QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
    QSizePolicy, QSpinBox, QVBoxLayout, QWidget)

class Ui_TeamsExerciseDialog(object):
    def setupUi(self, TeamsExerciseDialog):
        if not TeamsExerciseDialog.objectName():
            TeamsExerciseDialog.setObjectName(u"TeamsExerciseDialog")
        TeamsExerciseDialog.resize(460, 200)
        self.main_layout = QVBoxLayout(TeamsExerciseDialog)
        self.main_layout.setObjectName(u"main_layout")
        self.intro_label = QLabel(TeamsExerciseDialog)
        self.intro_label.setObjectName(u"intro_label")
        self.intro_label.setWordWrap(True)

        self.main_layout.addWidget(self.intro_label)

        self.form_layout = QFormLayout()
        self.form_layout.setObjectName(u"form_layout")
        self.session_label = QLabel(TeamsExerciseDialog)
        self.session_label.setObjectName(u"session_label")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.LabelRole, self.session_label)

        self.session_combo = QComboBox(TeamsExerciseDialog)
        self.session_combo.setObjectName(u"session_combo")

        self.form_layout.setWidget(0, QFormLayout.ItemRole.FieldRole, self.session_combo)

        self.title_label = QLabel(TeamsExerciseDialog)
        self.title_label.setObjectName(u"title_label")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.LabelRole, self.title_label)

        self.title_edit = QLineEdit(TeamsExerciseDialog)
        self.title_edit.setObjectName(u"title_edit")

        self.form_layout.setWidget(1, QFormLayout.ItemRole.FieldRole, self.title_edit)

        self.count_label = QLabel(TeamsExerciseDialog)
        self.count_label.setObjectName(u"count_label")

        self.form_layout.setWidget(2, QFormLayout.ItemRole.LabelRole, self.count_label)

        self.team_count_spin = QSpinBox(TeamsExerciseDialog)
        self.team_count_spin.setObjectName(u"team_count_spin")
        self.team_count_spin.setMinimum(1)
        self.team_count_spin.setMaximum(99)
        self.team_count_spin.setValue(4)

        self.form_layout.setWidget(2, QFormLayout.ItemRole.FieldRole, self.team_count_spin)


        self.main_layout.addLayout(self.form_layout)

        self.button_box = QDialogButtonBox(TeamsExerciseDialog)
        self.button_box.setObjectName(u"button_box")
        self.button_box.setStandardButtons(QDialogButtonBox.Cancel|QDialogButtonBox.Ok)

        self.main_layout.addWidget(self.button_box)

#if QT_CONFIG(shortcut)
        self.session_label.setBuddy(self.session_combo)
        self.title_label.setBuddy(self.title_edit)
        self.count_label.setBuddy(self.team_count_spin)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(TeamsExerciseDialog)

        QMetaObject.connectSlotsByName(TeamsExerciseDialog)
    # setupUi

    def retranslateUi(self, TeamsExerciseDialog):
        TeamsExerciseDialog.setWindowTitle(QCoreApplication.translate("TeamsExerciseDialog", u"New group exercise", None))
        self.intro_label.setText(QCoreApplication.translate("TeamsExerciseDialog", u"Breakout teams belong to a group exercise of the agenda. Choose the group session and name the exercise.", None))
        self.session_label.setText(QCoreApplication.translate("TeamsExerciseDialog", u"&Group session", None))
        self.title_label.setText(QCoreApplication.translate("TeamsExerciseDialog", u"&Title", None))
        self.count_label.setText(QCoreApplication.translate("TeamsExerciseDialog", u"&Number of teams", None))
    # retranslateUi

