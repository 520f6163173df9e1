import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// The reasoning inspector: the reasoning as steps, searchable and copyable; each token coloured
// by the probability the model gave it (red: unsure, green: sure), its top alternatives on hover.
Pane {
    id: panel
    signal closeRequested()
    background: Rectangle {
        color: design.surface
        Rectangle {  // the edge toward the chat
            x: panel.mirrored ? parent.width - width : 0
            width: 1
            height: parent.height
            color: design.border
        }
    }
    property var matches: []

    // The direction of a text by its first strong character: Hebrew, Arabic, Syriac, Thaana,
    // N'Ko and their presentation forms run right to left.
    function directionOf(text) {
        const first = text.match(/[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]|[A-Za-z\u00C0-\u058F\u0900-\uFB1C]/)
        return first && /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/.test(first[0]) ? Qt.RightToLeft : Qt.LeftToRight
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: design.spaceS
        RowLayout {
            Layout.fillWidth: true
            spacing: design.spaceXs
            Icon {
                name: "thinking"
                color: design.reasoningAccent
            }
            Label {
                text: qsTr("Reasoning inspector")
                font.bold: true
                font.pointSize: design.fontTitle
                color: design.text
                elide: Text.ElideRight
                Layout.fillWidth: true
            }
            IconButton {
                iconName: "copy"
                iconOnly: true
                text: qsTr("Copy the reasoning")
                onClicked: chat.copyText(chat.inspector.reasoning)
            }
            IconButton {
                iconName: "close"
                iconOnly: true
                text: qsTr("Close the inspector")
                onClicked: panel.closeRequested()
            }
        }
        TextField {
            id: find
            Layout.fillWidth: true
            placeholderText: qsTr("Find in reasoning")
            Accessible.name: qsTr("Find in reasoning")
            onTextChanged: {
                panel.matches = chat.inspector.find(text)
                if (panel.matches.length > 0) steps.positionViewAtIndex(panel.matches[0], ListView.Beginning)
            }
        }
        Label {
            visible: !chat.inspector.hasConfidence
            text: qsTr("No token probabilities were stored for this answer.")
            wrapMode: Text.Wrap
            color: design.textMuted
            Layout.fillWidth: true
        }
        ListView {
            id: steps
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: 8
            model: chat.inspector
            Accessible.name: qsTr("Reasoning steps")
            ScrollBar.vertical: ScrollBar {}
            delegate: Frame {
                width: steps.width
                background: Rectangle {
                    color: design.raised
                    radius: design.radiusM
                    border.width: panel.matches.indexOf(index) >= 0 ? 2 : 1
                    border.color: panel.matches.indexOf(index) >= 0 ? design.accent : design.border
                }
                ColumnLayout {
                    anchors.fill: parent
                    Label {
                        text: meanProbability >= 0
                              ? qsTr("Step %1 · %2 tokens · mean confidence %3%").arg(number).arg(tokenCount).arg(Math.round(meanProbability * 100))
                              : qsTr("Step %1").arg(number)
                        font.bold: true
                        font.pointSize: design.fontCaption
                        color: design.textMuted
                    }
                    Label {
                        visible: tokenCount === 0
                        text: model.text
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                    Flow {
                        visible: tokenCount > 0
                        Layout.fillWidth: true
                        // Tokens run in the direction of the text they spell, not the UI's.
                        LayoutMirroring.enabled: false
                        layoutDirection: panel.directionOf(model.text)
                        Repeater {
                            model: tokenCount > 0 ? chat.inspector.tokensOf(index) : []
                            delegate: Label {
                                required property var modelData
                                // A token's trailing spaces would not count in its width: a zero-width
                                // joiner after them keeps "write" + " 9" from reading "write9".
                                text: modelData.text.replace(/\n/g, "⏎").replace(/ +$/, (spaces) => spaces + "\u200d")
                                // Hue from red (0) to green (120) with the probability.
                                background: Rectangle {
                                    color: Qt.hsla(modelData.probability / 3, 0.7, 0.5, 0.35)
                                }
                                HoverHandler { id: hover }
                                ToolTip.visible: hover.hovered
                                ToolTip.text: {
                                    let lines = [qsTr("“%1”: %2%").arg(modelData.text).arg((modelData.probability * 100).toFixed(1))]
                                    for (const a of modelData.alternatives)
                                        lines.push(qsTr("“%1”: %2%").arg(a.text).arg((a.probability * 100).toFixed(1)))
                                    return lines.join("\n")
                                }
                                Accessible.name: ToolTip.text
                            }
                        }
                    }
                }
            }
        }
    }
}
