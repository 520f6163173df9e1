import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Sikao 1.0

// The open chat: its messages (sticking to the bottom while an answer streams, unless the user
// scrolled up), this chat's settings and the composer. With no messages yet, the start panel
// (or, while the user has no model at all, the first-run page) fills the space.
Pane {
    id: view
    padding: 0
    background: Rectangle { color: design.background }

    signal inspectRequested(int row)
    readonly property ModelManager models: modelManager  // not shadowed by FirstRunPage's own
    function focusComposer() { composer.forceActiveFocus() }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0

        FirstRunPage {
            objectName: "firstRunPage"
            visible: messageList.count === 0 && modelManager.needsFirstRun
            modelManager: view.models
            Layout.fillWidth: true
            Layout.fillHeight: true
        }
        StartupPanel {
            objectName: "startupPanel"
            visible: messageList.count === 0 && !modelManager.needsFirstRun
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
            spacing: design.spaceL
            topMargin: design.spaceL
            bottomMargin: design.spaceL
            reuseItems: false
            Accessible.name: qsTr("Messages")
            ScrollBar.vertical: ScrollBar {
                // Dragging the bar is no movement of the view: it decides on release.
                onPressedChanged: if (!pressed) messageList.stickToBottom = messageList.nearEnd
            }

            // Follow the growing answer only while the view is at the end.
            property bool stickToBottom: true
            // Within a line of the end counts as the end (positionViewAtEnd leaves out the bottom
            // margin; a flick may stop a few pixels short).
            readonly property bool nearEnd: contentY - originY + height >= contentHeight + bottomMargin - 24
            // A drag or flick by the user stops following at once (an answer's next lines must
            // not pull the view back under their hand); where it ends decides.
            onMovementStarted: stickToBottom = false
            onMovementEnded: stickToBottom = nearEnd
            onContentHeightChanged: if (stickToBottom) positionViewAtEnd()
            onCountChanged: if (stickToBottom) positionViewAtEnd()

            // A column of reading width, centred in a wide window.
            delegate: MessageDelegate {
                width: Math.min(messageList.width - 2 * design.spaceXl, design.readingWidth)
                x: (messageList.width - width) / 2
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

        // Composer: a card of the reading width under the messages. Enter sends, Shift+Enter
        // starts a new line; the text box grows with its text up to eight lines, then scrolls.
        // Under it, this chat's settings: reasoning (for models that reason: the switch or the
        // effort their template offers), the system prompt and, with it, what happens when the
        // chat outgrows the context.
        Pane {
            id: composerPane
            Layout.fillWidth: true
            padding: design.spaceM
            topPadding: design.spaceS
            background: Rectangle { color: design.background }
            ColumnLayout {
                width: Math.min(composerPane.availableWidth, design.readingWidth)
                x: (composerPane.availableWidth - width) / 2
                spacing: design.spaceXs
                Label {
                    objectName: "contextNotice"
                    visible: chat.contextNotice !== ""
                    text: chat.contextNotice
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                    font.pointSize: design.fontCaption
                    color: design.textMuted
                }
                Label {
                    visible: !chat.canSend && !chat.generating
                    text: chat.sendDisabledReason
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                    font.pointSize: design.fontCaption
                    color: design.textMuted
                }
                TextArea {
                    id: systemPromptField
                    objectName: "systemPromptField"
                    visible: systemPromptButton.checked
                    Layout.fillWidth: true
                    Layout.maximumHeight: 160
                    wrapMode: TextEdit.Wrap
                    readOnly: chat.historyReadOnly
                    text: chat.systemPrompt
                    placeholderText: qsTr("Instructions for the model in this chat (empty: none)")
                    Accessible.name: qsTr("System prompt of this chat")
                    onEditingFinished: chat.systemPrompt = text
                    Connections {
                        target: chat
                        function onChatSettingsChanged() { systemPromptField.text = chat.systemPrompt }
                    }
                }
                CheckBox {
                    objectName: "stopWhenContextFull"
                    visible: systemPromptButton.checked
                    text: qsTr("Stop when the context is full")
                    checked: chat.stopWhenContextFull
                    enabled: !chat.historyReadOnly
                    onToggled: chat.stopWhenContextFull = checked
                    Accessible.name: text
                    ToolTip.visible: hovered
                    ToolTip.text: qsTr("Off: when the chat outgrows the model's context, its oldest messages are left out of the model's view and the chat goes on.")
                }
                Rectangle {
                    id: card
                    Layout.fillWidth: true
                    implicitHeight: cardColumn.implicitHeight + 2 * design.spaceS
                    radius: design.radiusL
                    color: design.raised
                    border.width: composer.activeFocus ? 2 : 1
                    border.color: composer.activeFocus ? design.focus : design.border
                    ColumnLayout {
                        id: cardColumn
                        anchors.fill: parent
                        anchors.margins: design.spaceS
                        spacing: design.spaceXs
                        AttachedTextCards {
                            objectName: "composerAttachedTexts"
                            texts: pasted
                            Layout.fillWidth: true
                        }
                        ScrollView {
                            id: composerScroll
                            objectName: "composerScroll"
                            Layout.fillWidth: true
                            // One line to eight, then it scrolls.
                            readonly property real lineHeight: composer.font.pixelSize > 0 ? composer.font.pixelSize * 1.5
                                                                                          : composer.font.pointSize * 2
                            Layout.preferredHeight: Math.min(Math.max(composer.implicitHeight, lineHeight + 12),
                                                             lineHeight * 8 + 12)
                            TextArea {
                                id: composer
                                objectName: "composer"
                                placeholderText: qsTr("Message (Enter to send, Shift+Enter for a new line)")
                                wrapMode: TextEdit.Wrap
                                color: design.text
                                placeholderTextColor: design.textMuted
                                selectionColor: design.accent
                                selectedTextColor: design.onAccent
                                background: null
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
                                // A long paste becomes a card above the box, not text in it.
                                Keys.onPressed: (event) => {
                                    if (event.matches(StandardKey.Paste) && pasted.pasteFromClipboard())
                                        event.accepted = true
                                }
                            }
                        }
                        RowLayout {
                            Layout.fillWidth: true
                            spacing: design.spaceXs
                            Flow {
                                Layout.fillWidth: true
                                spacing: design.spaceS
                                CheckBox {
                                    objectName: "thinkingSwitch"
                                    visible: chat.thinkingSwitchShown
                                    text: qsTr("Think before answering")
                                    checked: chat.thinkingEnabled
                                    enabled: !chat.historyReadOnly
                                    onToggled: chat.thinkingEnabled = checked
                                    Accessible.name: text
                                    ToolTip.visible: hovered
                                    ToolTip.text: qsTr("Models whose template reads enable_thinking answer directly when this is off.")
                                }
                                Label {
                                    visible: effortBox.visible
                                    text: qsTr("Reasoning effort")
                                    height: effortBox.height
                                    verticalAlignment: Text.AlignVCenter
                                }
                                ComboBox {
                                    id: effortBox
                                    objectName: "reasoningEffort"
                                    visible: chat.reasoningEfforts.length > 0
                                    model: chat.reasoningEfforts
                                    currentIndex: chat.reasoningEfforts.indexOf(chat.reasoningEffort)
                                    enabled: !chat.historyReadOnly
                                    // The template's own words (low, medium, high) shown in the UI language.
                                    displayText: effortName(currentText)
                                    delegate: ItemDelegate {
                                        required property string modelData
                                        width: effortBox.width
                                        text: effortBox.effortName(modelData)
                                    }
                                    function effortName(level) {
                                        const names = { "low": qsTr("Low"), "medium": qsTr("Medium"), "high": qsTr("High") }
                                        return names[level] !== undefined ? names[level] : level
                                    }
                                    onActivated: (index) => chat.reasoningEffort = chat.reasoningEfforts[index]
                                    Accessible.name: qsTr("Reasoning effort")
                                    ToolTip.visible: hovered
                                    ToolTip.text: qsTr("How long the model reasons before it answers.")
                                }
                                Label {
                                    visible: chat.modelReasons
                                    text: qsTr("Reasoning budget")
                                    height: budgetBox.height
                                    verticalAlignment: Text.AlignVCenter
                                }
                                SpinBox {
                                    id: budgetBox
                                    visible: chat.modelReasons
                                    from: 0
                                    to: 32768
                                    stepSize: 128
                                    editable: true
                                    value: chat.reasoningBudget
                                    enabled: !chat.historyReadOnly
                                    onValueModified: chat.reasoningBudget = value
                                    // The words are read here, not inside the function, so that a language
                                    // switch (which re-evaluates qsTr bindings) renames the value; the locale,
                                    // set after the switch, makes the box show it again.
                                    locale: Qt.locale(languages.language)
                                    textFromValue: {
                                        const unlimited = qsTr("unlimited")
                                        const tokens = qsTr("%1 tokens")
                                        return (v) => v === 0 ? unlimited : tokens.arg(v)
                                    }
                                    valueFromText: (t) => parseInt(t) || 0
                                    Accessible.name: qsTr("Reasoning budget in tokens")
                                }
                                ToolButton {
                                    id: systemPromptButton
                                    objectName: "systemPromptButton"
                                    text: chat.systemPrompt === "" ? qsTr("System prompt") : qsTr("System prompt ✓")
                                    checkable: true
                                    Accessible.name: qsTr("Edit this chat's system prompt")
                                    ToolTip.visible: hovered
                                    ToolTip.text: qsTr("Instructions the model follows in this chat. New chats start with the default from the settings.")
                                }
                            }
                            Button {
                                id: sendButton
                                objectName: "sendButton"
                                Layout.alignment: Qt.AlignBottom
                                readonly property bool stops: chat.generating
                                enabled: stops || (chat.canSend && (composer.text.trim() !== "" || pasted.count > 0))
                                text: stops ? qsTr("Stop") : qsTr("Send")
                                display: AbstractButton.IconOnly
                                icon.source: stops ? "qrc:/icons/stop.svg" : "qrc:/icons/send.svg"
                                icon.width: design.iconSize
                                icon.height: design.iconSize
                                icon.color: enabled ? design.onAccent : design.textMuted
                                onClicked: stops ? chat.stop() : view.sendComposer()
                                Accessible.name: stops ? qsTr("Stop generating") : qsTr("Send message")
                                ToolTip.visible: hovered || visualFocus
                                ToolTip.text: stops ? qsTr("Stop generating") + " (Esc)"
                                            : chat.canSend ? qsTr("Send message") : chat.sendDisabledReason
                                background: Rectangle {
                                    implicitWidth: 36
                                    implicitHeight: 36
                                    radius: width / 2
                                    color: !sendButton.enabled ? design.hover
                                         : sendButton.down ? Qt.darker(design.accent, 1.15)
                                         : sendButton.hovered ? Qt.lighter(design.accent, 1.08) : design.accent
                                    border.width: sendButton.visualFocus ? 2 : 0
                                    border.color: design.focus
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    // Long pastes waiting beside the composer's text (chat/attached_texts.h).
    AttachedTexts {
        id: pasted
        objectName: "pastedTexts"
        threshold: chat.longMessageLength
    }

    function sendComposer() {
        if (chat.send(pasted.message(composer.text))) {
            composer.text = ""
            pasted.clear()
            messageList.stickToBottom = true
        }
    }
}
