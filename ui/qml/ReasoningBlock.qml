import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// An assistant message's reasoning: streams open while the model thinks ("Thinking… 12 s"),
// then collapses to "Thought for 12 s · 431 tokens"; a click expands it again.
Frame {
    id: block
    property string reasoning
    property string reasoningState   // "streaming" or "finished"
    property int seconds
    property int tokens
    property bool userExpanded: false
    readonly property bool expanded: reasoningState === "streaming" || userExpanded
    // While thinking, the clock runs on between token batches (a slow model sends few).
    property int liveSeconds: seconds
    onSecondsChanged: liveSeconds = seconds
    Timer {
        interval: 1000
        repeat: true
        running: block.reasoningState === "streaming"
        onTriggered: block.liveSeconds = Math.max(block.liveSeconds + 1, block.seconds)
    }
    signal inspectRequested()

    padding: 8

    ColumnLayout {
        anchors.fill: parent
        spacing: 6
        RowLayout {
            Layout.fillWidth: true
            AbstractButton {
                id: header
                Layout.fillWidth: true
                Accessible.role: Accessible.Button
                Accessible.name: label.text
                onClicked: block.userExpanded = !block.userExpanded
                contentItem: Label {
                    id: label
                    font.italic: true
                    opacity: 0.8
                    text: (block.expanded ? "▾ " : "▸ ") +
                          (block.reasoningState === "streaming"
                               ? qsTr("Thinking… %1 s").arg(block.liveSeconds)
                               : qsTr("Thought for %1 s · %2 tokens").arg(block.seconds).arg(block.tokens))
                }
            }
            ToolButton {
                text: qsTr("Inspect")
                visible: block.reasoningState === "finished"
                onClicked: block.inspectRequested()
                Accessible.name: qsTr("Open the reasoning inspector")
            }
            ToolButton {
                text: qsTr("Copy")
                visible: block.expanded
                onClicked: chat.copyText(block.reasoning)
                Accessible.name: qsTr("Copy the reasoning")
            }
        }
        TextEdit {
            visible: block.expanded
            Layout.fillWidth: true
            // Laid out only when shown; a finished reasoning longer than chat.longMessageLength
            // shows its beginning (Copy copies all of it): a text item lays out all of its text
            // on the UI thread at once (issue 14).
            readonly property string shown: !block.expanded ? ""
                  : block.reasoningState !== "streaming" && block.reasoning.length > chat.longMessageLength
                    ? block.reasoning.slice(0, chat.longMessagePreview) + " …" : block.reasoning
            // Formulas as pictures (math_render.h); reasoning without math stays plain text.
            readonly property string withMath: shown === "" ? "" : math.richText(shown, font, color)
            text: withMath !== "" ? withMath : shown
            readOnly: true
            selectByMouse: true
            wrapMode: TextEdit.Wrap
            textFormat: withMath !== "" ? TextEdit.RichText : TextEdit.PlainText
            // A selection's formulas are copied as their LaTeX, not as pictures.
            Keys.onPressed: (event) => {
                if (withMath !== "" && event.matches(StandardKey.Copy) && selectedText !== "") {
                    chat.copyText(math.sourceText(getFormattedText(selectionStart, selectionEnd)))
                    event.accepted = true
                }
            }
            font: ApplicationWindow.window ? ApplicationWindow.window.font : Qt.application.font
            color: palette.windowText
            opacity: 0.75
            Accessible.name: qsTr("Reasoning")
        }
    }
}
