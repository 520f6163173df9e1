import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Sikao 1.0

// One message: the reasoning block (assistant), the text as Markdown with code blocks in a
// monospace font and a copy button each (a long message collapsed, with "Show all"), the branch
// switcher ‹ n/m ›, and the actions (copy, regenerate, edit and resend). The user's turn sits in a
// tinted bubble on the trailing side; the model's answer reads as the page, under its name.
ColumnLayout {
    id: message
    spacing: design.spaceXs
    signal inspectRequested()
    Accessible.role: Accessible.ListItem
    Accessible.name: isUser ? qsTr("You") : speaker.text

    readonly property bool isUser: role === "user"
    // TextEdit is no control: it takes the window's font (the font-size setting) from here.
    readonly property font textFont: ApplicationWindow.window ? ApplicationWindow.window.font : Qt.application.font
    property bool editing: false
    onEditingChanged: if (!editing) { editKept.clear(); editArea.text = "" }

    // Left out of the model's prompt when the conversation outgrew the context: shown faded.
    opacity: (outsideView ?? false) ? 0.55 : 1.0
    Label {
        objectName: "outsideViewLabel"
        visible: outsideView ?? false
        text: qsTr("Outside the model's view")
        font.italic: true
        font.pointSize: design.fontCaption
        color: design.textMuted
        horizontalAlignment: message.isUser ? Text.AlignRight : Text.AlignLeft
        Layout.fillWidth: true
        elide: Text.ElideRight
    }

    Label {
        id: speaker
        visible: !message.isUser  // the user's bubble speaks for itself
        text: (modelName ?? "") !== "" ? modelName : qsTr("Assistant")
        font.bold: true
        font.pointSize: design.fontCaption
        color: design.textMuted
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

    // Segments (paragraphs, code blocks, and pieces of long ones: ChatController::segments) are
    // updated in place: while an answer streams only the last one changes, so only it is laid out
    // again. A text item lays out all of its text on the UI thread, and the scene graph draws
    // every item of a column, seen or not, each frame, so a message longer than
    // chat.longMessageLength shows its beginning until "Show all", and then scrolls in a box of
    // its own that creates only the pieces in sight (issue 14: a 50 KB message froze the window).
    property string body: content ?? ""
    property bool expanded: false
    readonly property bool streaming: status === "streaming"
    readonly property bool longMessage: body.length > chat.longMessageLength
    // 0: whole, in the column; 1: collapsed, its beginning in the column; 2: in the scrolling box.
    // One property, so that expanding re-fills the models once; syncSegments asks displayNow(),
    // as bindings it depends on may not have been updated yet when a change handler runs.
    readonly property int display: displayNow()
    function displayNow() {
        return body.length <= chat.longMessageLength || status === "streaming" ? 0 : expanded ? 2 : 1
    }
    readonly property bool collapsed: display === 1
    readonly property bool scrollsInside: display === 2
    onStreamingChanged: if (streaming) expanded = true  // an answer the user watched stays open
    onBodyChanged: syncSegments()
    onDisplayChanged: syncSegments()
    Component.onCompleted: {
        if (streaming) expanded = true
        syncSegments()
    }
    // Fills the model of the view in use (the column, or the scrolling box) and empties the other
    // first: the column must never see a long message's thousands of pieces.
    function syncSegments() {
        const mode = displayNow()
        const model = mode === 2 ? boxModel : segmentModel
        const unused = mode === 2 ? segmentModel : boxModel
        unused.clear()
        const segments = chat.segments(body, mode === 1, !message.isUser)  // answers: display math
        const shared = Math.min(segments.length, model.count)
        for (let i = 0; i < shared; ++i) {
            const old = model.get(i)
            const s = segments[i]
            if (old.text !== s.text || old.code !== s.code || old.language !== s.language
                    || old.block !== s.block || old.continued !== s.continued || old.math !== s.math
                    || old.codeState !== s.codeState)
                model.set(i, s)
        }
        if (model.count > segments.length)
            model.remove(segments.length, model.count - segments.length)
        else if (model.count < segments.length)
            model.append(segments.slice(model.count))
    }
    ListModel { id: segmentModel }
    ListModel { id: boxModel }

    Component {
        id: segmentDelegate
        Loader {
            Layout.fillWidth: true
            width: ListView.view ? ListView.view.width : implicitWidth  // in the scrolling box
            required property var model
            readonly property var modelData: model
            sourceComponent: modelData.code ? codeBlock : modelData.math ? mathBlock : prose
            Component {
                id: prose
                TextEdit {
                    // The user's words as typed; the model's answers as Markdown, formulas as
                    // pictures (math_render.h).
                    text: message.isUser ? modelData.text : math.markdown(modelData.text, font, color)
                    textFormat: message.isUser ? TextEdit.PlainText : TextEdit.MarkdownText
                    readOnly: true
                    selectByMouse: true
                    wrapMode: TextEdit.Wrap
                    font: message.textFont
                    color: design.text
                    selectionColor: design.accent
                    selectedTextColor: design.onAccent
                    onLinkActivated: (link) => Qt.openUrlExternally(link)
                    Accessible.name: modelData.text
                    // A selection's formulas are copied as their LaTeX, not as pictures.
                    Keys.onPressed: (event) => {
                        if (!message.isUser && event.matches(StandardKey.Copy) && selectedText !== "") {
                            chat.copyText(math.sourceText(getFormattedText(selectionStart, selectionEnd)))
                            event.accepted = true
                        }
                    }
                }
            }
            Component {
                id: mathBlock
                MathBlock {
                    tex: modelData.text
                    font: message.textFont
                    color: design.text
                }
            }
            Component {
                id: codeBlock
                CodeBlock {
                    code: modelData.text
                    language: modelData.language
                    continued: modelData.continued
                    startState: modelData.codeState
                    textFont: message.textFont
                    onCopyRequested: chat.copyCodeBlock(message.body, modelData.block)
                }
            }
        }
    }

    // The text: in the user's bubble (as wide as its text, up to 85 % of the column), or the
    // model's answer across the column.
    Rectangle {
        id: bubble
        readonly property int pad: message.isUser ? design.spaceM : 0
        visible: !message.editing
        color: message.isUser ? design.turn : "transparent"
        radius: design.radiusL
        Layout.alignment: message.isUser ? Qt.AlignRight : Qt.AlignLeft
        Layout.fillWidth: !message.isUser
        Layout.preferredWidth: message.isUser ? Math.min(bodyColumn.implicitWidth + 2 * pad, message.width * 0.85) : -1
        implicitHeight: bodyColumn.implicitHeight + 2 * pad
        ColumnLayout {
            id: bodyColumn
            anchors.fill: parent
            anchors.margins: bubble.pad
            spacing: design.spaceXs
            Repeater {
                model: message.editing ? null : segmentModel
                delegate: segmentDelegate
            }
            Loader {  // made only for a long message shown whole
                active: message.scrollsInside && !message.editing
                visible: active
                Layout.fillWidth: true
                Layout.preferredHeight: item ? item.boxHeight : 0
                sourceComponent: ListView {
                    objectName: "longMessageView"
                    readonly property real boxHeight:
                        Math.min(contentHeight, (ApplicationWindow.window ? ApplicationWindow.window.height : 800) * 0.7)
                    model: boxModel
                    delegate: segmentDelegate
                    clip: true
                    spacing: 4
                    boundsBehavior: Flickable.StopAtBounds
                    ScrollBar.vertical: ScrollBar { policy: ScrollBar.AlwaysOn }
                    Accessible.name: qsTr("Message")
                }
            }
        }
    }

    ToolButton {
        objectName: "showAllButton"
        visible: message.longMessage && !message.streaming && !message.editing
        text: message.expanded ? qsTr("Show less")
                               : qsTr("Show all (%1 characters)").arg(message.body.length)
        onClicked: message.expanded = !message.expanded
        Accessible.name: text
    }

    Label {
        visible: status === "stopped" || status === "error"
        // A stopped answer whose note is "context full" (ChatController::k_context_full) was cut
        // by the context, not by the user.
        text: status === "error" ? qsTr("Error: %1").arg(errorText)
            : errorText === "context full" ? qsTr("The context is full: the answer ends here.") : qsTr("Stopped")
        color: status === "error" ? design.danger : design.textMuted
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }

    // An answer cut by the context goes on in a new chat that starts from a summary of this one.
    IconButton {
        objectName: "continueWithSummaryButton"
        visible: status === "stopped" && errorText === "context full"
        iconName: "new-chat"
        text: qsTr("Continue in a new chat with a summary")
        enabled: chat.canSend
        onClicked: chat.continueWithSummary(index)
    }

    // Edit and resend: the edited question becomes a new branch. A long question is edited as its
    // first paragraph, the rest kept as a card (chat/attached_texts.h), as a long paste is.
    AttachedTexts {
        id: editKept
        threshold: chat.longMessageLength
    }
    ColumnLayout {
        visible: message.editing
        Layout.fillWidth: true
        AttachedTextCards {
            objectName: "editAttachedTexts"
            texts: editKept
            title: qsTr("Rest of the message")
            Layout.fillWidth: true
        }
        TextArea {
            id: editArea
            objectName: "editArea"
            Layout.fillWidth: true
            wrapMode: TextEdit.Wrap
            Accessible.name: qsTr("Edited message")
            Keys.onPressed: (event) => {
                if (event.matches(StandardKey.Paste) && editKept.pasteFromClipboard())
                    event.accepted = true
            }
        }
        RowLayout {
            Button {
                objectName: "editSendButton"
                text: qsTr("Send")
                enabled: chat.canSend && (editArea.text.trim() !== "" || editKept.count > 0)
                onClicked: if (chat.editAndResend(index, editKept.message(editArea.text))) message.editing = false
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
        Layout.alignment: message.isUser ? Qt.AlignRight : Qt.AlignLeft
        IconButton {
            visible: branchCount > 1
            iconName: message.LayoutMirroring.enabled ? "chevron-right" : "chevron-left"
            iconOnly: true
            text: qsTr("Previous version")
            enabled: branchIndex > 1 && !chat.generating
            onClicked: chat.selectBranch(index, -1)
        }
        Label {
            visible: branchCount > 1
            text: qsTr("%1/%2").arg(branchIndex).arg(branchCount)
            font.pointSize: design.fontCaption
            color: design.textMuted
        }
        IconButton {
            visible: branchCount > 1
            iconName: message.LayoutMirroring.enabled ? "chevron-left" : "chevron-right"
            iconOnly: true
            text: qsTr("Next version")
            enabled: branchIndex < branchCount && !chat.generating
            onClicked: chat.selectBranch(index, +1)
        }
        IconButton {
            iconName: "copy"
            iconOnly: true
            text: qsTr("Copy message")
            tint: design.textMuted
            onClicked: chat.copyMessage(index)
        }
        IconButton {
            visible: !message.isUser
            iconName: "regenerate"
            iconOnly: true
            text: qsTr("Regenerate answer")
            tint: design.textMuted
            enabled: chat.canSend
            onClicked: chat.regenerate(index)
        }
        IconButton {
            visible: message.isUser
            iconName: "edit"
            iconOnly: true
            text: qsTr("Edit and resend")
            tint: design.textMuted
            enabled: chat.canSend
            objectName: "editButton"
            onClicked: {
                editArea.text = editKept.splitForEditing(content)
                message.editing = true
                editArea.forceActiveFocus()
            }
        }
        Label {
            visible: !message.isUser && tokensPerSecond > 0
            text: qsTr("%1 tokens · %2 tokens/s").arg(generatedTokens).arg(tokensPerSecond.toFixed(1))
            font.pointSize: design.fontCaption
            color: design.textMuted
            leftPadding: design.spaceXs
        }
    }
}
