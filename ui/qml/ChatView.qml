import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// The open chat: its messages (sticking to the bottom while an answer streams, unless the user
// scrolled up) and the composer. With no conversation open, the start panel shows the model and
// devices.
Pane {
    id: view
    padding: 0

    signal inspectRequested(int row)
    function focusComposer() { composer.forceActiveFocus() }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        StartupPanel {
            visible: messageList.count === 0
            Layout.fillWidth: true
            Layout.fillHeight: true
        }

        ListView {
            id: messageList
            objectName: "messageList"
            visible: count > 0
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: chat.messages
            spacing: 12
            topMargin: 12
            bottomMargin: 12
            reuseItems: false
            Accessible.name: qsTr("Messages")
            ScrollBar.vertical: ScrollBar {
                // Dragging the bar is no movement of the view: it decides on release.
                onPressedChanged: if (!pressed) messageList.stickToBottom = messageList.atYEnd
            }

            // Follow the growing answer only while the view is at the end.
            property bool stickToBottom: true
            onMovementEnded: stickToBottom = atYEnd
            onContentHeightChanged: if (stickToBottom) positionViewAtEnd()
            onCountChanged: if (stickToBottom) positionViewAtEnd()

            delegate: MessageDelegate {
                width: messageList.width - 24
                x: 12
                onInspectRequested: view.inspectRequested(index)
            }

            Connections {
                target: chat
                function onFocusRequested(row) {
                    messageList.stickToBottom = false
                    messageList.positionViewAtIndex(row, ListView.Beginning)
                    messageList.currentIndex = row
                }
                function onConversationChanged() {
                    messageList.stickToBottom = true
                    messageList.positionViewAtEnd()
                }
            }
        }

        // Composer: Enter sends, Shift+Enter starts a new line.
        Pane {
            Layout.fillWidth: true
            padding: 8
            ColumnLayout {
                anchors.fill: parent
                // This chat's reasoning settings.
                RowLayout {
                    visible: chat.modelReasons
                    CheckBox {
                        text: qsTr("Think before answering")
                        checked: chat.thinkingEnabled
                        onToggled: chat.thinkingEnabled = checked
                        Accessible.name: text
                        ToolTip.visible: hovered
                        ToolTip.text: qsTr("Models whose template reads enable_thinking answer directly when this is off.")
                    }
                    Label { text: qsTr("Reasoning budget") }
                    SpinBox {
                        from: 0
                        to: 32768
                        stepSize: 128
                        editable: true
                        value: chat.reasoningBudget
                        onValueModified: chat.reasoningBudget = value
                        textFromValue: (v) => v === 0 ? qsTr("unlimited") : qsTr("%1 tokens").arg(v)
                        valueFromText: (t) => parseInt(t) || 0
                        Accessible.name: qsTr("Reasoning budget in tokens")
                    }
                }
                Label {
                    visible: !chat.canSend && !chat.generating
                    text: chat.sendDisabledReason
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                    opacity: 0.8
                }
                RowLayout {
                    Layout.fillWidth: true
                    ScrollView {
                        Layout.fillWidth: true
                        Layout.preferredHeight: Math.min(Math.max(composer.implicitHeight, 40), 200)
                        TextArea {
                            id: composer
                            objectName: "composer"
                            placeholderText: qsTr("Message (Enter to send, Shift+Enter for a new line)")
                            wrapMode: TextEdit.Wrap
                            Accessible.name: qsTr("Message")
                            Accessible.description: chat.canSend ? "" : chat.sendDisabledReason
                            Keys.onReturnPressed: (event) => {
                                if (event.modifiers & Qt.ShiftModifier) {
                                    event.accepted = false
                                } else {
                                    view.sendComposer()
                                }
                            }
                            Keys.onEnterPressed: (event) => Keys.returnPressed(event)
                        }
                    }
                    Button {
                        visible: !chat.generating
                        text: qsTr("Send")
                        enabled: chat.canSend && composer.text.trim() !== ""
                        onClicked: view.sendComposer()
                        Accessible.name: qsTr("Send message")
                        ToolTip.visible: hovered && !chat.canSend
                        ToolTip.text: chat.sendDisabledReason
                    }
                    Button {
                        visible: chat.generating
                        text: qsTr("Stop")
                        onClicked: chat.stop()
                        Accessible.name: qsTr("Stop generating")
                    }
                }
            }
        }
    }

    function sendComposer() {
        if (chat.send(composer.text)) {
            composer.text = ""
            messageList.stickToBottom = true
        }
    }
}
