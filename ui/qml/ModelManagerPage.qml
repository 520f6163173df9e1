import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import Sikao 1.0

// The models Sikao can load, the state of the current load (progress, cancel, the engine's
// message when it fails) and the folders it looks in. The window stays usable meanwhile: the
// load runs on the engine's thread and only this page's buttons wait for it.
Page {
    id: page
    background: Rectangle { color: design.background }

    required property ModelManager modelManager

    title: qsTr("Models")
    Accessible.name: title
    LayoutMirroring.enabled: Qt.application.layoutDirection === Qt.RightToLeft
    LayoutMirroring.childrenInherit: true

    readonly property bool busy: modelManager.state === ModelManager.Loading

    // Other apps' folders are read when the page first opens, not at every start of the app.
    Component.onCompleted: modelManager.discoverOnce()

    function fileName(path) {
        return isolate(path.substring(path.lastIndexOf("/") + 1))
    }

    // Paths and names inside translated sentences keep their own direction (Unicode first-strong
    // isolate), so "/home/…" stays whole in an Arabic sentence.
    function isolate(text) {
        return "\u2068" + text + "\u2069"
    }

    FileDialog {
        id: openDialog
        title: qsTr("Open GGUF file")
        nameFilters: [qsTr("GGUF models (*.gguf)"), qsTr("All files (*)")]
        onAccepted: page.modelManager.addFile(selectedFile.toString())
    }

    FolderDialog {
        id: folderDialog
        title: qsTr("Add a models folder")
        onAccepted: page.modelManager.addFolder(selectedFolder.toString())
    }

    header: ToolBar {
        RowLayout {
            anchors.fill: parent
            anchors.leftMargin: 8
            anchors.rightMargin: 8
            Label {
                text: page.title
                font.bold: true
                Layout.fillWidth: true
            }
            ToolButton {
                text: qsTr("Open GGUF file…")
                Accessible.name: text
                onClicked: openDialog.open()
            }
            ToolButton {
                text: qsTr("Add folder…")
                Accessible.name: text
                onClicked: folderDialog.open()
            }
            ToolButton {
                text: qsTr("Refresh")
                Accessible.name: qsTr("Refresh the list of models")
                enabled: !page.modelManager.scanning && !page.modelManager.discovering
                onClicked: {
                    page.modelManager.refresh()
                    page.modelManager.discover()
                }
            }
        }
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 12
        spacing: 10

        Card {
            id: loadStatus
            objectName: "loadStatus"
            visible: page.modelManager.state !== ModelManager.Idle
            Layout.fillWidth: true

            ColumnLayout {
                anchors.fill: parent
                spacing: 6

                Label {
                    objectName: "loadState"
                    Layout.fillWidth: true
                    wrapMode: Text.Wrap
                    font.bold: true
                    color: page.modelManager.state === ModelManager.Failed ? design.danger : design.text
                    text: {
                        switch (page.modelManager.state) {
                        case ModelManager.Loading:
                            return page.modelManager.cancelling
                                    ? qsTr("Cancelling…")
                                    : qsTr("Loading %1…").arg(page.fileName(page.modelManager.loadingPath))
                        case ModelManager.Loaded:
                            return qsTr("Loaded: %1").arg(page.isolate(page.modelManager.loadedName))
                        case ModelManager.Failed:
                        case ModelManager.Cancelled:
                            return page.modelManager.errorSentence
                        }
                        return ""
                    }
                }
                Label {
                    visible: page.modelManager.state === ModelManager.Loaded
                    Layout.fillWidth: true
                    wrapMode: Text.Wrap
                    color: design.textMuted
                    text: qsTr("Device: %1 · context %2 tokens")
                          .arg(page.isolate(page.modelManager.loadedDevice))
                          .arg(page.modelManager.loadedContextLength)
                }
                Label {
                    objectName: "loadedMemory"
                    visible: page.modelManager.state === ModelManager.Loaded
                             && page.modelManager.loadedDeviceMemory !== ""
                    Layout.fillWidth: true
                    wrapMode: Text.Wrap
                    color: design.textMuted
                    text: page.modelManager.loadedSystemMemory !== ""
                          ? qsTr("Weights: %1 on the device, %2 in system memory")
                            .arg(page.modelManager.loadedDeviceMemory)
                            .arg(page.modelManager.loadedSystemMemory)
                          : qsTr("Weights: %1 on the device").arg(page.modelManager.loadedDeviceMemory)
                }
                RowLayout {
                    visible: page.busy
                    Layout.fillWidth: true
                    ProgressBar {
                        id: progressBar
                        objectName: "loadProgress"
                        Layout.fillWidth: true
                        from: 0
                        to: 1
                        value: page.modelManager.progress
                        Accessible.name: qsTr("Loading progress")
                    }
                    Label {
                        text: qsTr("%1 %").arg(Math.round(page.modelManager.progress * 100))
                    }
                    Button {
                        objectName: "cancelLoad"
                        text: qsTr("Cancel")
                        Accessible.name: qsTr("Cancel loading the model")
                        enabled: !page.modelManager.cancelling
                        onClicked: page.modelManager.cancel()
                    }
                }
                TextEdit {
                    objectName: "loadError"
                    visible: page.modelManager.state === ModelManager.Failed
                    Layout.fillWidth: true
                    wrapMode: Text.Wrap
                    readOnly: true
                    selectByMouse: true
                    color: design.danger
                    text: page.modelManager.errorDetail
                    Accessible.name: qsTr("Error message")
                }
            }
        }

        Label {
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            color: design.textMuted
            text: qsTr("Models folder: %1").arg(page.isolate(page.modelManager.modelsFolder))
        }

        Repeater {
            model: page.modelManager.folders
            delegate: RowLayout {
                required property string modelData
                Layout.fillWidth: true
                Label {
                    Layout.fillWidth: true
                    elide: Text.ElideMiddle
                    text: qsTr("Also looking in: %1").arg(page.isolate(modelData))
                }
                Button {
                    text: qsTr("Remove")
                    Accessible.name: qsTr("Stop looking in %1").arg(modelData)
                    onClicked: page.modelManager.removeFolder(modelData)
                }
            }
        }

        BusyIndicator {
            running: page.modelManager.scanning
            visible: running
            Layout.alignment: Qt.AlignHCenter
            Accessible.name: qsTr("Reading the model files")
        }

        Label {
            visible: modelList.count === 0 && !page.modelManager.scanning
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            text: qsTr("No models yet. Put a .gguf file in the models folder or open one.")
        }

        ListView {
            id: modelList
            objectName: "modelList"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            spacing: 8
            model: page.modelManager
            Accessible.name: qsTr("Models")
            Accessible.role: Accessible.List
            ScrollBar.vertical: ScrollBar {}

            // The models other apps keep on this computer, below the user's own: greyed with the
            // reason when Sikao cannot run them.
            footer: ColumnLayout {
                objectName: "foundSection"
                width: modelList.width
                spacing: 8

                Label {
                    Layout.topMargin: 16
                    text: qsTr("Found on this computer")
                    font.bold: true
                    Accessible.role: Accessible.Heading
                    Accessible.name: text
                }
                Label {
                    Layout.fillWidth: true
                    wrapMode: Text.Wrap
                    color: design.textMuted
                    text: page.modelManager.discovering
                          ? qsTr("Looking in the folders of LM Studio, Ollama, Jan, GPT4All, llama.cpp and Hugging Face…")
                          : foundRepeater.count === 0
                            ? qsTr("No models from LM Studio, Ollama, Jan, GPT4All, llama.cpp or Hugging Face were found.")
                            : page.modelManager.discoveryTruncated
                              ? qsTr("The search stopped at its limit; there may be more.")
                              : qsTr("Sikao only reads these files; they stay where they are.")
                }
                Repeater {
                    id: foundRepeater
                    model: page.modelManager.found
                    delegate: Card {
                        id: foundRow
                        objectName: "foundRow"
                        required property string name
                        required property string path
                        required property string app
                        required property string architecture
                        required property string family
                        required property string quant
                        required property string fileSizeText
                        required property bool canRun
                        required property string reason
                        required property string error

                        Layout.fillWidth: true
                        opacity: canRun ? 1.0 : 0.55
                        Accessible.name: canRun ? name : qsTr("%1 (cannot run: %2)").arg(name).arg(reason)
                        Accessible.role: Accessible.ListItem

                        RowLayout {
                            anchors.fill: parent
                            spacing: 12
                            ColumnLayout {
                                Layout.fillWidth: true
                                spacing: 2
                                Label {
                                    Layout.fillWidth: true
                                    text: foundRow.name
                                    font.bold: true
                                    elide: Text.ElideMiddle
                                }
                                Label {
                                    Layout.fillWidth: true
                                    wrapMode: Text.Wrap
                                    text: qsTr("From %1 · %2 · %3 · %4")
                                          .arg(page.isolate(foundRow.app))
                                          .arg(page.isolate(foundRow.family !== "" ? foundRow.family
                                                            : foundRow.architecture !== "" ? foundRow.architecture
                                                            : qsTr("unknown")))
                                          .arg(page.isolate(foundRow.quant !== "" ? foundRow.quant : "?"))
                                          .arg(foundRow.fileSizeText)
                                }
                                Label {
                                    objectName: "foundReason"
                                    visible: !foundRow.canRun
                                    Layout.fillWidth: true
                                    wrapMode: Text.Wrap
                                    text: foundRow.reason
                                    ToolTip.visible: reasonHover.hovered && foundRow.error !== ""
                                    ToolTip.text: foundRow.error
                                    HoverHandler { id: reasonHover }
                                }
                                Label {
                                    Layout.fillWidth: true
                                    elide: Text.ElideMiddle
                                    color: design.textMuted
                                    text: foundRow.path
                                }
                            }
                            Button {
                                objectName: "loadFound"
                                text: qsTr("Load")
                                Accessible.name: qsTr("Load %1").arg(foundRow.name)
                                enabled: foundRow.canRun && !page.busy
                                onClicked: page.modelManager.load(foundRow.path)
                            }
                        }
                    }
                }
            }

            delegate: Card {
                id: row
                required property int index
                required property string name
                required property string fileName
                required property string path
                required property string architecture
                required property string family
                required property string quant
                required property string parametersText
                required property var contextLength
                required property string fileSizeText
                required property bool reasons
                required property bool bundled
                required property bool openedFile
                required property bool loaded
                required property string error

                width: modelList.width
                Accessible.name: name
                Accessible.role: Accessible.ListItem

                RowLayout {
                    anchors.fill: parent
                    spacing: 12

                    ColumnLayout {
                        Layout.fillWidth: true
                        spacing: 2
                        RowLayout {
                            Label {
                                text: row.name
                                font.bold: true
                                elide: Text.ElideRight
                                Layout.fillWidth: true
                            }
                            Label {
                                visible: row.reasons
                                text: qsTr("reasoning")
                                color: design.textMuted
                            }
                            Label {
                                visible: row.bundled
                                text: qsTr("tiny demo")
                                color: design.textMuted
                            }
                            Label {
                                visible: row.loaded
                                text: qsTr("loaded")
                                font.bold: true
                            }
                        }
                        Label {
                            visible: row.error === ""
                            Layout.fillWidth: true
                            wrapMode: Text.Wrap
                            text: qsTr("%1 · %2 · %3 parameters · context %4 · %5")
                                  .arg(page.isolate(row.family !== "" ? row.family : row.architecture))
                                  .arg(page.isolate(row.quant))
                                  .arg(page.isolate(row.parametersText))
                                  .arg(row.contextLength > 0 ? row.contextLength : qsTr("unknown"))
                                  .arg(row.fileSizeText)
                        }
                        Label {
                            Layout.fillWidth: true
                            elide: Text.ElideMiddle
                            color: design.textMuted
                            text: row.path
                        }
                        Label {
                            visible: row.error !== ""
                            Layout.fillWidth: true
                            wrapMode: Text.Wrap
                            color: design.danger
                            text: row.error
                        }
                    }
                    Button {
                        text: qsTr("Load")
                        Accessible.name: qsTr("Load %1").arg(row.name)
                        enabled: row.error === "" && !row.loaded && !page.busy
                        onClicked: page.modelManager.loadRow(row.index)
                    }
                    Button {
                        visible: row.openedFile
                        text: qsTr("Remove")
                        Accessible.name: qsTr("Remove %1 from the list").arg(row.name)
                        onClicked: page.modelManager.removeFile(row.path)
                    }
                }
            }
        }
    }
}
