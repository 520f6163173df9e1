import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// The chat area's empty state: what Sikao runs on — the model it loads and the Vulkan devices,
// with the one the engine picks marked.
Item {
    id: panel
    implicitHeight: 480

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: 16
        spacing: 12

        Label {
            text: qsTr("Model")
            font.bold: true
            font.pixelSize: 18
        }
        Label {
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            text: startupModel.path === ""
                  ? qsTr("No model found. Put a .gguf file in %1 or pass one on the command line.").arg(startupModel.modelsFolder)
                  : startupModel.summary
            Accessible.name: qsTr("Model that would be loaded")
        }
        Label {
            visible: startupModel.error !== ""
            color: "firebrick"
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            text: startupModel.error
        }

        Label {
            text: qsTr("Vulkan devices")
            font.bold: true
            font.pixelSize: 18
        }
        BusyIndicator {
            running: devices.loading
            visible: devices.loading
        }
        Label {
            visible: devices.error !== ""
            color: "firebrick"
            Layout.fillWidth: true
            wrapMode: Text.Wrap
            text: devices.error
        }
        ListView {
            id: deviceList
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: devices
            spacing: 8
            Accessible.name: qsTr("Vulkan devices")
            delegate: Frame {
                width: deviceList.width
                ColumnLayout {
                    anchors.fill: parent
                    Label {
                        text: (chosen ? "✓ " : "") + "#" + deviceIndex + "  " + name
                        font.bold: chosen
                    }
                    Label {
                        text: qsTr("%1 · %2 · Vulkan %3 · %4 device memory · subgroup %5%6%7")
                              .arg(type).arg(driver).arg(apiVersion).arg(memory).arg(subgroupSize)
                              .arg(fp16 ? qsTr(" · fp16") : "").arg(int8 ? qsTr(" · int8") : "")
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                        opacity: 0.8
                    }
                }
            }
        }
        Button {
            text: qsTr("Refresh")
            enabled: !devices.loading
            onClicked: devices.refresh()
        }
    }
}
