import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Sikao 1.0

// The chat area's empty state: the model the next chat runs on (loaded, loading, or why it
// failed, with the engine's message below) and the way to the model manager and the settings.
Control {
    id: panel
    implicitHeight: 320
    // The context property under a name FoundModelsOffer's own property does not shadow.
    readonly property ModelManager manager: modelManager
    // The bundled demo is loaded (known by its file name, Sikao's own: a copy elsewhere is the
    // demo too): say what it is, and offer the models already on this computer.
    readonly property bool demoLoaded: modelManager.state === ModelManager.Loaded && modelManager.bundledModel !== ""
                                       && fileName(modelManager.loadedPath) === fileName(modelManager.bundledModel)
    onDemoLoadedChanged: if (demoLoaded) modelManager.discoverOnce()
    Component.onCompleted: if (demoLoaded) modelManager.discoverOnce()

    function fileName(path) { return path.substring(path.lastIndexOf("/") + 1) }

    padding: 24
    contentItem: ColumnLayout {
        spacing: 12

        Label {
            text: qsTr("Start a chat")
            font.bold: true
            font.pointSize: panel.font.pointSize * 1.6
        }
        Label {
            objectName: "startupModelState"
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            text: {
                switch (modelManager.state) {
                case ModelManager.Loaded:
                    return qsTr("Model: %1 on %2, context %3 tokens.")
                        .arg(modelManager.loadedName).arg(modelManager.loadedDevice)
                        .arg(modelManager.loadedContextLength)
                case ModelManager.Loading:
                    return qsTr("Loading %1…").arg(panel.fileName(modelManager.loadingPath))
                case ModelManager.Failed:
                case ModelManager.Cancelled:
                    return modelManager.errorSentence
                default:
                    return qsTr("No model is loaded.")
                }
            }
            color: modelManager.state === ModelManager.Failed ? design.danger : design.text
            Accessible.name: text
        }
        Label {
            objectName: "startupModelErrorDetail"
            visible: modelManager.state === ModelManager.Failed && modelManager.errorDetail !== ""
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            color: design.textMuted
            text: modelManager.errorDetail
        }
        ProgressBar {
            visible: modelManager.state === ModelManager.Loading
            value: modelManager.progress
            Layout.preferredWidth: 240
            Accessible.name: qsTr("Model loading progress")
        }
        Label {
            visible: modelManager.state === ModelManager.Loaded
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            color: design.textMuted
            text: qsTr("Type a message below. A reasoning model shows its thinking above the answer; open it to inspect every step and how sure the model was of each token.")
        }
        Label {
            objectName: "startupDemoNotice"
            visible: panel.demoLoaded
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            color: design.warning
            text: qsTr("This is Sikao's tiny demo model: it only does simple arithmetic and comparisons. For a real assistant, load a model of your own from Models.")
        }
        FoundModelsOffer {
            objectName: "startupFound"
            visible: panel.demoLoaded && panel.manager.found.runnableCount > 0
            modelManager: panel.manager
            Layout.fillWidth: true
        }
        RowLayout {
            Button {
                objectName: "startupModelsButton"
                text: qsTr("Models…")
                onClicked: ApplicationWindow.window.showPage("models")
                Accessible.name: qsTr("Manage models")
            }
            Button {
                text: qsTr("Settings…")
                onClicked: ApplicationWindow.window.showPage("settings")
                Accessible.name: qsTr("Settings")
            }
        }
        Item { Layout.fillHeight: true }
    }
}
