import QtQuick
import QtQuick.Controls.impl

// One of Sikao's icons (ui/icons/<name>.svg) outside a button, tinted like the buttons' icons.
ColorImage {
    property string name
    source: name !== "" ? "qrc:/icons/" + name + ".svg" : ""
    color: design.text
    sourceSize: Qt.size(design.iconSize, design.iconSize)
    width: design.iconSize
    height: design.iconSize
}
