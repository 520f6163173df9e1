import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Sikao 1.0

// Model, device, context used / size and generation speed; load progress with cancel; why the
// last load failed or that it was cancelled; a note when the model's chat template could not be
// used (the built-in format was) or the history is read-only. The load state is the model
// manager's.
ToolBar {
    id: bar
    readonly property bool modelLoaded: modelManager.state === ModelManager.Loaded
    readonly property bool loadFailed: modelManager.state === ModelManager.Failed
    RowLayout {
        anchors.fill: parent
        anchors.leftMargin: 8
        anchors.rightMargin: 8
        spacing: 16

        Label {
            objectName: "statusModel"
            visible: modelManager.state !== ModelManager.Loading
            text: bar.modelLoaded ? modelManager.loadedName
                : modelManager.errorSentence !== "" ? modelManager.errorSentence
                : qsTr("No model")
            color: bar.loadFailed ? design.danger : design.text
            elide: Text.ElideRight
            Layout.maximumWidth: 360
            Accessible.name: qsTr("Model: %1").arg(text)
            HoverHandler { id: modelHover }
            ToolTip.visible: modelHover.hovered && modelManager.errorDetail !== ""
            ToolTip.text: modelManager.errorDetail
        }
        RowLayout {
            objectName: "statusLoading"
            visible: modelManager.state === ModelManager.Loading
            Label { text: qsTr("Loading model…") }
            ProgressBar {
                value: modelManager.progress
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
            visible: bar.modelLoaded
            text: modelManager.loadedDevice
            elide: Text.ElideRight
            Layout.maximumWidth: 240
            Accessible.name: qsTr("Device: %1").arg(text)
        }
        Label {
            visible: bar.modelLoaded
            text: qsTr("Context %1 / %2").arg(chat.contextUsed).arg(modelManager.loadedContextLength)
        }
        Label {
            visible: bar.modelLoaded && chat.tokensPerSecond > 0
            text: qsTr("%1 tokens/s").arg(chat.tokensPerSecond.toFixed(1))
        }
        Label {
            objectName: "templateWarning"
            visible: bar.modelLoaded && chat.templateWarning !== ""
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
