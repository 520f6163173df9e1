import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// One message: the reasoning block (assistant), the text as Markdown with code blocks in a
// monospace font and a copy button each, the branch switcher ‹ n/m ›, and the actions
// (copy, regenerate, edit and resend).
ColumnLayout {
    id: message
    spacing: 4
    signal inspectRequested()

    readonly property bool isUser: role === "user"
    // TextEdit is no control: it takes the window's font (the font-size setting) from here.
    readonly property font textFont: ApplicationWindow.window ? ApplicationWindow.window.font : Qt.application.font
    property bool editing: false

    Label {
        text: message.isUser ? qsTr("You") : ((modelName ?? "") !== "" ? modelName : qsTr("Assistant"))
        font.bold: true
        opacity: 0.7
        Layout.fillWidth: true  // a long model name is elided, not wider than the message
        elide: Text.ElideRight
    }

    ReasoningBlock {
        visible: reasoningState !== "none"
        Layout.fillWidth: true
        reasoning: model.reasoning ?? ""
        reasoningState: model.reasoningState ?? "none"
        seconds: reasoningSeconds ?? 0
        tokens: reasoningTokens ?? 0
        onInspectRequested: message.inspectRequested()
    }

    // Segments (paragraphs, code blocks) are updated in place: while an answer streams only the
    // last one changes, so only it is laid out again.
    property string body: content ?? ""
    onBodyChanged: syncSegments()
    Component.onCompleted: syncSegments()
    function syncSegments() {
        const segments = chat.segments(body)
        for (let i = 0; i < segments.length; ++i) {
            if (i >= segmentModel.count) {
                segmentModel.append(segments[i])
            } else {
                const old = segmentModel.get(i)
                if (old.text !== segments[i].text || old.code !== segments[i].code || old.language !== segments[i].language)
                    segmentModel.set(i, segments[i])
            }
        }
        if (segmentModel.count > segments.length)
            segmentModel.remove(segments.length, segmentModel.count - segments.length)
    }
    ListModel { id: segmentModel }

    Repeater {
        model: message.editing ? null : segmentModel
        delegate: Loader {
            Layout.fillWidth: true
            required property var model
            readonly property var modelData: model
            sourceComponent: modelData.code ? codeBlock : prose
            Component {
                id: prose
                TextEdit {
                    text: modelData.text
                    // The user's words as typed; the model's answers as Markdown.
                    textFormat: message.isUser ? TextEdit.PlainText : TextEdit.MarkdownText
                    readOnly: true
                    selectByMouse: true
                    wrapMode: TextEdit.Wrap
                    font: message.textFont
                    color: palette.windowText
                    onLinkActivated: (link) => Qt.openUrlExternally(link)
                    Accessible.name: modelData.text
                }
            }
            Component {
                id: codeBlock
                Frame {
                    ColumnLayout {
                        anchors.fill: parent
                        RowLayout {
                            Label {
                                text: modelData.language
                                opacity: 0.6
                                Layout.fillWidth: true
                            }
                            ToolButton {
                                text: qsTr("Copy code")
                                onClicked: chat.copyText(modelData.text)
                                Accessible.name: qsTr("Copy code")
                            }
                        }
                        TextEdit {
                            Layout.fillWidth: true
                            text: modelData.text
                            font.family: "monospace"
                            font.pointSize: message.textFont.pointSize
                            readOnly: true
                            selectByMouse: true
                            wrapMode: TextEdit.WrapAnywhere
                            textFormat: TextEdit.PlainText
                            color: palette.windowText
                            Accessible.name: qsTr("Code")
                        }
                    }
                }
            }
        }
    }

    Label {
        visible: status === "stopped" || status === "error"
        text: status === "stopped" ? qsTr("Stopped") : qsTr("Error: %1").arg(errorText)
        color: status === "error" ? "firebrick" : palette.windowText
        opacity: 0.8
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }

    // Edit and resend: the edited question becomes a new branch.
    ColumnLayout {
        visible: message.editing
        Layout.fillWidth: true
        TextArea {
            id: editArea
            Layout.fillWidth: true
            wrapMode: TextEdit.Wrap
            Accessible.name: qsTr("Edited message")
        }
        RowLayout {
            Button {
                text: qsTr("Send")
                enabled: chat.canSend
                onClicked: if (chat.editAndResend(index, editArea.text)) message.editing = false
            }
            Button {
                text: qsTr("Cancel")
                onClicked: message.editing = false
            }
        }
    }

    RowLayout {
        visible: status !== "streaming" && !message.editing
        spacing: 2
        ToolButton {
            visible: branchCount > 1
            text: "‹"
            enabled: branchIndex > 1 && !chat.generating
            onClicked: chat.selectBranch(index, -1)
            Accessible.name: qsTr("Previous version")
        }
        Label {
            visible: branchCount > 1
            text: qsTr("%1/%2").arg(branchIndex).arg(branchCount)
        }
        ToolButton {
            visible: branchCount > 1
            text: "›"
            enabled: branchIndex < branchCount && !chat.generating
            onClicked: chat.selectBranch(index, +1)
            Accessible.name: qsTr("Next version")
        }
        ToolButton {
            text: qsTr("Copy")
            onClicked: chat.copyMessage(index)
            Accessible.name: qsTr("Copy message")
        }
        ToolButton {
            visible: !message.isUser
            text: qsTr("Regenerate")
            enabled: chat.canSend
            onClicked: chat.regenerate(index)
            Accessible.name: qsTr("Regenerate answer")
        }
        ToolButton {
            visible: message.isUser
            text: qsTr("Edit")
            enabled: chat.canSend
            onClicked: { editArea.text = content; message.editing = true; editArea.forceActiveFocus() }
            Accessible.name: qsTr("Edit and resend")
        }
        Label {
            visible: !message.isUser && tokensPerSecond > 0
            text: qsTr("%1 tokens · %2 tokens/s").arg(generatedTokens).arg(tokensPerSecond.toFixed(1))
            opacity: 0.6
        }
    }
}
