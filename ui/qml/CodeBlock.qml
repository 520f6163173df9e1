import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Sikao 1.0

// A fenced code block of a message: a header with the language's name and a copy button, then
// the code, highlighted (CodeHighlighter, colours in ui/chat/code_block_highlighter.cpp) and
// scrolled sideways instead of wrapped. A long block comes in pieces (ChatController::segments);
// the later ones (`continued`) have no header.
Frame {
    id: block
    padding: design.spaceS
    background: Rectangle {
        color: design.code
        radius: design.radiusM
        border.width: 1
        border.color: design.border
    }
    property string code
    property string language  // the fence's info string
    property bool continued: false
    property int startState: 0  // what a later piece begins inside of: a comment, a string
    property font textFont
    signal copyRequested()

    // While an answer streams, its last block grows at its end, and a long block's last piece
    // is cut back when the next piece starts: the text is appended or cut, so that the
    // highlighter and the layout redo only the last lines, not the whole block.
    property string shownCode: ""
    onCodeChanged: showCode()
    Component.onCompleted: showCode()
    function showCode() {
        // The document counts as the string does unless the text has line breaks other than \n.
        const inPlace = shownCode !== "" && codeText.length === shownCode.length
        if (inPlace && code.startsWith(shownCode))
            codeText.insert(codeText.length, code.slice(shownCode.length))
        else if (inPlace && code !== "" && shownCode.startsWith(code))
            codeText.remove(code.length, codeText.length)
        else
            codeText.text = code
        shownCode = code
    }

    ColumnLayout {
        anchors.fill: parent
        RowLayout {
            visible: !block.continued
            Label {
                objectName: "codeLanguageLabel"
                // A language we do not highlight keeps the name the fence gave it.
                text: highlighter.languageName !== "" ? highlighter.languageName
                    : block.language !== "" ? block.language : qsTr("Code")
                font.pointSize: design.fontCaption
                color: design.textMuted
                elide: Text.ElideRight
                Layout.fillWidth: true
            }
            IconButton {
                iconName: "copy"
                text: qsTr("Copy code")
                tint: design.textMuted
                onClicked: block.copyRequested()
            }
        }
        Flickable {
            id: scroller
            objectName: "codeScroller"
            Layout.fillWidth: true
            Layout.preferredHeight: contentHeight
            contentWidth: codeText.width
            contentHeight: codeText.height
            flickableDirection: Flickable.HorizontalFlick
            boundsBehavior: Flickable.StopAtBounds
            interactive: contentWidth > width
            clip: true
            TextEdit {
                id: codeText
                objectName: "codeText"
                // At its implicit width: an explicit width that changes (a longer line) makes
                // TextEdit rebuild the nodes of every line.
                font.family: design.monospaceFamily
                font.pointSize: block.textFont.pointSize
                readOnly: true
                selectByMouse: true
                wrapMode: TextEdit.NoWrap
                textFormat: TextEdit.PlainText
                color: design.text
                selectionColor: design.accent
                selectedTextColor: design.onAccent
                Accessible.name: qsTr("Code")
            }
        }
        // Made only for a block wider than the message: a scroll bar per block costs more to
        // create than the block's text (the stall probe of tst_chat_window).
        Loader {
            active: scroller.contentWidth > scroller.width
            visible: active
            Layout.fillWidth: true
            Layout.preferredWidth: 0  // the bar's own width would widen the block: a layout loop
            sourceComponent: ScrollBar {
                id: sideways
                objectName: "codeScrollBar"
                orientation: Qt.Horizontal
                policy: ScrollBar.AlwaysOn
                size: scroller.visibleArea.widthRatio
                Binding on position {
                    when: !sideways.pressed
                    value: scroller.visibleArea.xPosition
                }
                onPositionChanged: if (pressed) scroller.contentX = position * scroller.contentWidth
            }
        }
    }

    CodeHighlighter {
        id: highlighter
        objectName: "codeHighlighter"
        document: codeText.textDocument
        language: block.language
        startState: block.startState
        dark: design.dark
    }
}
