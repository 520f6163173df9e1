import QtQuick
import QtQuick.Controls

// A tool button with one of Sikao's icons (ui/icons/<name>.svg, tinted with the design's text
// colour). `text` is always set: shown beside the icon, or (iconOnly) as the tooltip and the name
// a screen reader reads, so every button says what it does in every language.
ToolButton {
    id: control
    property string iconName
    property bool iconOnly: false
    property color tint: highlighted ? design.accent : design.text

    icon.source: iconName !== "" ? "qrc:/icons/" + iconName + ".svg" : ""
    icon.width: design.iconSize
    icon.height: design.iconSize
    icon.color: enabled ? tint : design.textMuted
    display: iconOnly ? AbstractButton.IconOnly : AbstractButton.TextBesideIcon
    padding: design.spaceXs + 2
    font.pointSize: design.fontCaption
    palette.buttonText: enabled ? tint : design.textMuted
    focusPolicy: Qt.TabFocus

    Accessible.name: text
    ToolTip.visible: iconOnly && text !== "" && (hovered || visualFocus)
    ToolTip.delay: 400
    ToolTip.text: text

    background: Rectangle {
        implicitWidth: 30
        implicitHeight: 30
        radius: design.radiusS
        color: control.down || control.checked ? design.pressed : control.hovered ? design.hover : "transparent"
        border.width: control.visualFocus ? 2 : 0
        border.color: design.focus
    }
}
