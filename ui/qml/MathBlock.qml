import QtQuick
import QtQuick.Controls

// A display formula ($$…$$, \[…\]) centred on a row of its own, drawn by the image://math
// provider (ui/chat/math_render.h); one wider than the message scrolls sideways. A formula
// outside the engine's subset shows as its source, monospaced and selectable. Copy on the
// message copies the source either way.
Item {
    id: block
    property string tex
    property font font
    property color color
    readonly property var picture: math.display(tex, font, color)
    readonly property real verticalPadding: 6

    implicitHeight: picture.fallback ? source.implicitHeight : picture.height + 2 * verticalPadding
    Accessible.role: Accessible.StaticText
    Accessible.name: tex

    Flickable {
        id: flick
        visible: !block.picture.fallback
        anchors.fill: parent
        contentWidth: Math.max(width, formula.width)
        contentHeight: height
        clip: contentWidth > width
        interactive: contentWidth > width
        flickableDirection: Flickable.HorizontalFlick
        boundsBehavior: Flickable.StopAtBounds
        ScrollBar.horizontal: ScrollBar { policy: flick.interactive ? ScrollBar.AsNeeded : ScrollBar.AlwaysOff }
        Image {
            id: formula
            objectName: "displayFormula"
            x: Math.max(0, (flick.width - width) / 2)
            y: block.verticalPadding
            width: block.picture.width
            height: block.picture.height
            source: block.picture.fallback ? "" : block.picture.source
            smooth: true
        }
    }
    TextEdit {
        id: source
        visible: block.picture.fallback
        width: parent.width
        text: "$$" + block.tex + "$$"
        textFormat: TextEdit.PlainText
        font.family: design.monospaceFamily
        font.pointSize: block.font.pointSize > 0 ? block.font.pointSize : 10
        color: block.color
        readOnly: true
        selectByMouse: true
        wrapMode: TextEdit.WrapAnywhere
    }
}
