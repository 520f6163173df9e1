import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// Model, device, context used / size and generation speed; load progress with cancel; a note when
// the model's chat template could not be used (the built-in format was) or the history is
// read-only.
ToolBar {
    id: bar
    RowLayout {
        anchors.fill: parent
        anchors.leftMargin: 8
        anchors.rightMargin: 8
        spacing: 16

        Label {
            visible: !chat.loading
            text: chat.modelLoaded ? chat.modelName
                                   : (chat.loadError !== "" ? qsTr("Model failed to load") : qsTr("No model"))
            color: chat.loadError !== "" ? design.danger : palette.windowText
            elide: Text.ElideRight
            Layout.maximumWidth: 260
            Accessible.name: qsTr("Model: %1").arg(text)
        }
        RowLayout {
            visible: chat.loading
            Label { text: qsTr("Loading model…") }
            ProgressBar {
                value: chat.loadProgress
                Layout.preferredWidth: 160
                Accessible.name: qsTr("Model loading progress")
            }
            Button {
                text: qsTr("Cancel")
                flat: true
                onClicked: modelManager.cancel()
                Accessible.name: qsTr("Cancel loading the model")
            }
        }
        Label {
            visible: chat.modelLoaded
            text: chat.deviceName
            elide: Text.ElideRight
            Layout.maximumWidth: 240
            Accessible.name: qsTr("Device: %1").arg(text)
        }
        Label {
            visible: chat.modelLoaded
            text: qsTr("Context %1 / %2").arg(chat.contextUsed).arg(chat.contextSize)
        }
        Label {
            visible: chat.modelLoaded && chat.tokensPerSecond > 0
            text: qsTr("%1 tokens/s").arg(chat.tokensPerSecond.toFixed(1))
        }
        Label {
            objectName: "templateWarning"
            visible: chat.modelLoaded && chat.templateWarning !== ""
            text: qsTr("Built-in chat format")
            color: design.warning
            Accessible.name: hintText
            readonly property string hintText: qsTr("The model's chat template could not be used, so the built-in format was used instead: %1").arg(chat.templateWarning)
            HoverHandler { id: templateHover }
            ToolTip.visible: templateHover.hovered
            ToolTip.text: hintText
        }
        Label {
            objectName: "historyReadOnly"
            visible: chat.historyReadOnly
            text: qsTr("History read-only")
            color: design.warning
            Accessible.name: qsTr("The history is read-only: new messages cannot be saved.")
        }
        Item { Layout.fillWidth: true }
        Label {
            visible: chat.generating
            text: qsTr("Generating… (Esc to stop)")
        }
    }
}
