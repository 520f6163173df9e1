import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import Sikao 1.0

// Shown while the user has no model of their own: what a GGUF model is, which one to get, where
// to put it, and the bundled demo model, clearly labelled as a tiny demonstration.
Page {
    id: page
    background: Rectangle { color: design.background }

    required property ModelManager modelManager

    title: qsTr("Welcome to Sikao")
    Accessible.name: title
    LayoutMirroring.enabled: Qt.application.layoutDirection === Qt.RightToLeft
    LayoutMirroring.childrenInherit: true

    readonly property bool hasDemo: modelManager.bundledModel !== ""
    // The models other apps keep are looked for once, when the page is first shown.
    onVisibleChanged: if (visible) modelManager.discoverOnce()
    Component.onCompleted: if (visible) modelManager.discoverOnce()

    FileDialog {
        id: openDialog
        title: qsTr("Open GGUF file")
        nameFilters: [qsTr("GGUF models (*.gguf)"), qsTr("All files (*)")]
        onAccepted: {
            page.modelManager.addFile(selectedFile.toString())
            page.modelManager.load(selectedFile.toString())
        }
    }

    ScrollView {
        id: scroll
        anchors.fill: parent
        contentWidth: availableWidth

        ColumnLayout {
            width: Math.min(scroll.availableWidth, 720)
            x: (scroll.availableWidth - width) / 2
            spacing: 14

            Label {
                Layout.topMargin: 24
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                font.pointSize: design.fontHeading
                font.bold: true
                text: page.title
            }
            Label {
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                text: qsTr("Sikao runs a language model on your own computer; nothing you type leaves it. A model is one file in the GGUF format, and you have none yet.")
            }

            // Models other apps already keep here (model_discovery.h): the quickest start.
            FoundModelsOffer {
                objectName: "firstRunFound"
                modelManager: page.modelManager
                Layout.fillWidth: true
            }

            Label {
                Layout.fillWidth: true
                font.bold: true
                text: qsTr("1. Get a model")
            }
            Label {
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                text: qsTr("On any computer with a web browser, download a GGUF file of a small reasoning model, for example Qwen3-1.7B or DeepSeek-R1-Distill-Qwen-1.5B. The Q4_K_M version (about 1 to 2 GB) is a good start. Sikao runs the Llama, Qwen, Gemma, Phi, SmolLM, Granite, Mistral and gpt-oss model families.")
            }

            Label {
                Layout.fillWidth: true
                font.bold: true
                text: qsTr("2. Put it in the models folder")
            }
            TextField {
                objectName: "modelsFolder"
                Layout.fillWidth: true
                readOnly: true
                selectByMouse: true
                text: page.modelManager.modelsFolder
                Accessible.name: qsTr("Models folder")
            }
            RowLayout {
                Button {
                    text: qsTr("Open the models folder")
                    Accessible.name: text
                    onClicked: page.modelManager.openModelsFolder()
                }
                Button {
                    text: qsTr("I put it there: look again")
                    Accessible.name: text
                    enabled: !page.modelManager.scanning
                    onClicked: page.modelManager.refresh()
                }
            }
            Label {
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                text: qsTr("Or open a GGUF file from anywhere:")
            }
            Button {
                text: qsTr("Open GGUF file…")
                Accessible.name: text
                onClicked: openDialog.open()
            }

            Card {
                visible: page.hasDemo
                Layout.fillWidth: true
                Layout.topMargin: 8

                ColumnLayout {
                    anchors.fill: parent
                    Label {
                        Layout.fillWidth: true
                        font.bold: true
                        text: qsTr("Just looking? Try the demo model")
                    }
                    Label {
                        Layout.fillWidth: true
                        wrapMode: Text.Wrap
                        text: qsTr("A tiny demonstration model (about one million parameters) comes with Sikao. It only does simple arithmetic and comparisons, but it shows its reasoning the way real reasoning models do. It is not a general assistant.")
                    }
                    Button {
                        objectName: "loadDemo"
                        text: qsTr("Load the demo model")
                        Accessible.name: text
                        enabled: page.modelManager.state !== ModelManager.Loading
                        onClicked: page.modelManager.load(page.modelManager.bundledModel)
                    }
                }
            }

            Label {
                visible: page.modelManager.state === ModelManager.Loading
                Layout.fillWidth: true
                text: qsTr("Loading…")
            }
            Label {
                objectName: "firstRunLoadState"
                visible: page.modelManager.state === ModelManager.Failed
                         || page.modelManager.state === ModelManager.Cancelled
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                color: page.modelManager.state === ModelManager.Failed ? design.danger : design.text
                text: page.modelManager.errorSentence
            }
            Label {
                visible: page.modelManager.state === ModelManager.Failed && page.modelManager.errorDetail !== ""
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                color: design.textMuted
                text: page.modelManager.errorDetail
            }
        }
    }
}
