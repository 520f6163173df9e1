import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Sikao 1.0

// The models other apps keep on this computer that Sikao can run (ModelManager::found), each
// with Load: offered on the first-run page and in the empty chat while the demo model is loaded.
ColumnLayout {
    id: offer
    required property ModelManager modelManager
    visible: modelManager.found.runnableCount > 0
    spacing: design.spaceS
    Label {
        Layout.fillWidth: true
        font.bold: true
        text: qsTr("You already have models Sikao can run")
        Accessible.role: Accessible.Heading
    }
    Label {
        Layout.fillWidth: true
        wrapMode: Text.Wrap
        color: design.textMuted
        text: qsTr("Other apps keep these on this computer. Sikao only reads them; they stay where they are.")
    }
    Repeater {
        model: offer.modelManager.found
        delegate: Card {
            id: foundCard
            objectName: "foundOfferRow"
            required property string name
            required property string path
            required property string app
            required property string family
            required property string quant
            required property string fileSizeText
            required property bool canRun
            visible: canRun
            Layout.fillWidth: true
            Accessible.role: Accessible.ListItem
            Accessible.name: name
            RowLayout {
                anchors.fill: parent
                spacing: design.spaceM
                ColumnLayout {
                    Layout.fillWidth: true
                    spacing: 2
                    Label {
                        Layout.fillWidth: true
                        text: foundCard.name
                        font.bold: true
                        elide: Text.ElideMiddle
                    }
                    Label {
                        Layout.fillWidth: true
                        color: design.textMuted
                        elide: Text.ElideRight
                        text: qsTr("From %1 · %2 · %3 · %4").arg(foundCard.app).arg(foundCard.family)
                              .arg(foundCard.quant).arg(foundCard.fileSizeText)
                    }
                }
                Button {
                    objectName: "foundOfferLoad"
                    text: qsTr("Load")
                    Accessible.name: qsTr("Load %1").arg(foundCard.name)
                    enabled: offer.modelManager.state !== ModelManager.Loading
                    onClicked: offer.modelManager.load(foundCard.path)
                }
            }
        }
    }
}
