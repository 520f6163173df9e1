import QtQuick
import QtQuick.Controls

// A raised panel of the design (a model in the model manager, a step of the first-run page):
// the design tokens' raised surface, a hairline border and the medium radius.
Frame {
    padding: design.spaceM
    background: Rectangle {
        color: design.raised
        radius: design.radiusM
        border.width: 1
        border.color: design.border
    }
}
