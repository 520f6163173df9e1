import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Sikao 1.0

// The texts an AttachedTexts holds (a long paste, the rest of a long question being edited), one
// card each: what it begins with, its lines and characters, and a button that takes it out of
// the message. The text itself is never put in a text item (chat/attached_texts.h).
ColumnLayout {
    id: cards
    required property AttachedTexts texts
    property string title: qsTr("Pasted text")
    visible: texts.count > 0
    spacing: design.spaceXs

    Repeater {
        model: cards.texts
        delegate: Rectangle {
            id: card
            objectName: "attachedText"
            required property int index
            required property string preview
            required property int lines
            required property int characters
            Layout.fillWidth: true
            implicitHeight: row.implicitHeight + 2 * design.spaceS
            radius: design.radiusM
            color: design.surface
            border.width: 1
            border.color: design.border
            Accessible.role: Accessible.StaticText
            Accessible.name: cards.title + ": " + preview

            RowLayout {
                id: row
                anchors.fill: parent
                anchors.margins: design.spaceS
                spacing: design.spaceS
                Icon {
                    name: "document"
                    Layout.alignment: Qt.AlignTop
                }
                ColumnLayout {
                    Layout.fillWidth: true
                    spacing: 0
                    Label {
                        text: cards.title
                        font.bold: true
                        font.pointSize: design.fontCaption
                        color: design.text
                    }
                    Label {
                        objectName: "attachedTextPreview"
                        Layout.fillWidth: true
                        text: card.preview
                        elide: Text.ElideRight
                        maximumLineCount: 1
                        textFormat: Text.PlainText
                        color: design.text
                    }
                    Label {
                        readonly property var locale: Qt.locale(languages.language)
                        text: qsTr("%1 lines · %2 characters")
                            .arg(card.lines.toLocaleString(locale, "f", 0))
                            .arg(card.characters.toLocaleString(locale, "f", 0))
                        font.pointSize: design.fontCaption
                        color: design.textMuted
                    }
                }
                IconButton {
                    objectName: "removeAttachedText"
                    Layout.alignment: Qt.AlignTop
                    iconName: "close"
                    iconOnly: true
                    text: qsTr("Leave this text out of the message")
                    onClicked: cards.texts.remove(card.index)
                }
            }
        }
    }
}
