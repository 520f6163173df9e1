import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// An assistant message's reasoning: streams open while the model thinks ("Thinking… 12 s ·
// 431 tokens", its bulb pulsing), then collapses to "Thought for 12 s · 431 tokens"; a click or
// Space expands it again. Drawn as secondary to the answer: a tinted panel with an accent edge,
// its text smaller and muted.
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

    padding: design.spaceS
    leftPadding: design.spaceM
    background: Rectangle {
        color: design.reasoning
        radius: design.radiusM
        Rectangle {  // the accent edge on the leading side
            width: 3
            height: parent.height - 2 * design.radiusM
            y: design.radiusM
            x: block.mirrored ? parent.width - width : 0
            color: design.reasoningAccent
            radius: 1.5
        }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: design.spaceXs
        RowLayout {
            Layout.fillWidth: true
            spacing: design.spaceXs
            AbstractButton {
                id: header
                objectName: "reasoningHeader"
                Layout.fillWidth: true
                focusPolicy: Qt.TabFocus
                Accessible.role: Accessible.Button
                Accessible.name: label.text
                onClicked: block.userExpanded = !block.userExpanded
                background: Rectangle {
                    radius: design.radiusS
                    color: header.hovered ? design.hover : "transparent"
                    border.width: header.visualFocus ? 2 : 0
                    border.color: design.focus
                }
                contentItem: RowLayout {
                    spacing: design.spaceXs
                    Icon {
                        name: block.expanded ? "chevron-down" : block.mirrored ? "chevron-left" : "chevron-right"
                        color: design.textMuted
                    }
                    Icon {
                        id: bulb
                        name: "thinking"
                        color: design.reasoningAccent
                        // Pulses while the model thinks.
                        SequentialAnimation on opacity {
                            running: block.reasoningState === "streaming"
                            loops: Animation.Infinite
                            alwaysRunToEnd: true
                            NumberAnimation { from: 1; to: 0.3; duration: 700; easing.type: Easing.InOutSine }
                            NumberAnimation { from: 0.3; to: 1; duration: 700; easing.type: Easing.InOutSine }
                        }
                    }
                    Label {
                        id: label
                        objectName: "reasoningSummary"
                        Layout.fillWidth: true
                        elide: Text.ElideRight
                        color: block.reasoningState === "streaming" ? design.reasoningAccent : design.textMuted
                        font.pointSize: design.fontCaption
                        font.bold: block.reasoningState === "streaming"
                        text: block.reasoningState === "streaming"
                              ? qsTr("Thinking… %1 s · %2 tokens").arg(block.liveSeconds).arg(block.tokens)
                              : qsTr("Thought for %1 s · %2 tokens").arg(block.seconds).arg(block.tokens)
                    }
                }
            }
            IconButton {
                iconName: "inspect"
                text: qsTr("Inspect")
                tint: design.textMuted
                visible: block.reasoningState === "finished"
                onClicked: block.inspectRequested()
                Accessible.name: qsTr("Open the reasoning inspector")
                ToolTip.visible: hovered
                ToolTip.text: qsTr("Open the reasoning inspector")
            }
            IconButton {
                iconName: "copy"
                iconOnly: true
                text: qsTr("Copy the reasoning")
                tint: design.textMuted
                visible: block.expanded
                onClicked: chat.copyText(block.reasoning)
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
            font.family: (ApplicationWindow.window ? ApplicationWindow.window.font : Qt.application.font).family
            font.pointSize: design.fontCaption * 1.05
            color: design.textMuted
            selectionColor: design.accent
            selectedTextColor: design.onAccent
            Accessible.name: qsTr("Reasoning")
        }
    }
}
