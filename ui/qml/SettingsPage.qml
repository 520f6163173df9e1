import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Sikao 1.0

// Sampling, the default system prompt, appearance, language and the Vulkan device. Every control
// writes straight into Settings (which clamps and stores); nothing is applied here.
Page {
    id: page
    background: Rectangle { color: design.background }

    required property Settings settings
    required property LanguageManager languages
    required property DeviceListModel devices

    title: qsTr("Settings")
    Accessible.name: title
    LayoutMirroring.enabled: Qt.application.layoutDirection === Qt.RightToLeft
    LayoutMirroring.childrenInherit: true

    // A labelled slider for a real-valued setting, its value shown beside it.
    component RealSetting: RowLayout {
        id: real
        property string label
        property string key
        property int decimals: 2
        Layout.fillWidth: true
        Label {
            text: real.label
            Layout.preferredWidth: 180
            wrapMode: Text.Wrap
        }
        Slider {
            id: slider
            objectName: real.key
            Layout.fillWidth: true
            from: page.settings.range(real.key).min
            to: page.settings.range(real.key).max
            stepSize: Math.pow(10, -real.decimals)
            value: page.settings[real.key]
            Accessible.name: real.label
            onMoved: page.settings[real.key] = value
        }
        Label {
            text: Number(page.settings[real.key]).toLocaleString(Qt.locale(), "f", real.decimals)
            Layout.preferredWidth: 48
        }
    }

    // A labelled spin box for an integer setting.
    component IntSetting: RowLayout {
        id: integer
        property string label
        property string key
        property string note
        Layout.fillWidth: true
        Label {
            text: integer.label
            Layout.preferredWidth: 180
            wrapMode: Text.Wrap
        }
        SpinBox {
            objectName: integer.key
            editable: true
            from: page.settings.range(integer.key).min
            to: page.settings.range(integer.key).max
            value: page.settings[integer.key]
            Accessible.name: integer.label
            onValueModified: page.settings[integer.key] = value
        }
        Label {
            text: integer.note
            visible: text !== ""
            color: design.textMuted
            Layout.fillWidth: true
            wrapMode: Text.Wrap
        }
    }

    ScrollView {
        id: scroll
        anchors.fill: parent
        contentWidth: availableWidth

        ColumnLayout {
            width: scroll.availableWidth
            spacing: 12

            GroupBox {
                title: qsTr("Sampling")
                Layout.fillWidth: true
                Layout.margins: 12

                ColumnLayout {
                    anchors.fill: parent
                    RealSetting { label: qsTr("Temperature (0: always the most likely token)"); key: "temperature" }
                    IntSetting { label: qsTr("Top-k"); key: "topK"; note: qsTr("0: off") }
                    RealSetting { label: qsTr("Top-p"); key: "topP" }
                    RealSetting { label: qsTr("Min-p"); key: "minP" }
                    RealSetting { label: qsTr("Repetition penalty"); key: "repetitionPenalty" }
                    CheckBox {
                        objectName: "randomSeed"
                        text: qsTr("New random seed for every answer")
                        Accessible.name: text
                        checked: page.settings.randomSeed
                        onToggled: page.settings.randomSeed = checked
                    }
                    IntSetting {
                        label: qsTr("Seed")
                        key: "seed"
                        enabled: !page.settings.randomSeed
                    }
                    IntSetting { label: qsTr("Maximum answer length (tokens)"); key: "maxTokens" }
                    IntSetting {
                        label: qsTr("Context length (tokens)")
                        key: "contextLength"
                        note: qsTr("0: the model's own. Applies when a model is loaded.")
                    }
                    IntSetting {
                        label: qsTr("Device memory budget (MB)")
                        key: "deviceMemoryBudgetMb"
                        note: qsTr("0: automatic (90% of a graphics card's own memory). A mixture-of-experts model beyond it keeps experts in system memory. Applies when a model is loaded.")
                    }
                    Button {
                        text: qsTr("Restore the default sampling settings")
                        Accessible.name: text
                        onClicked: page.settings.resetSampling()
                    }
                }
            }

            GroupBox {
                title: qsTr("Default system prompt")
                Layout.fillWidth: true
                Layout.leftMargin: 12
                Layout.rightMargin: 12

                ColumnLayout {
                    anchors.fill: parent
                    Label {
                        Layout.fillWidth: true
                        wrapMode: Text.Wrap
                        color: design.textMuted
                        text: qsTr("Sent at the start of every new chat. Leave it empty to use none.")
                    }
                    TextArea {
                        objectName: "systemPrompt"
                        Layout.fillWidth: true
                        Layout.preferredHeight: 90
                        wrapMode: TextEdit.Wrap
                        placeholderText: qsTr("You are a helpful assistant.")
                        text: page.settings.systemPrompt
                        Accessible.name: qsTr("Default system prompt")
                        onEditingFinished: page.settings.systemPrompt = text
                    }
                }
            }

            GroupBox {
                title: qsTr("Appearance")
                Layout.fillWidth: true
                Layout.leftMargin: 12
                Layout.rightMargin: 12

                GridLayout {
                    anchors.fill: parent
                    columns: 2

                    Label { text: qsTr("Theme") }
                    ComboBox {
                        objectName: "theme"
                        Layout.fillWidth: true
                        model: [qsTr("Same as the system"), qsTr("Light"), qsTr("Dark")]
                        currentIndex: page.settings.theme
                        Accessible.name: qsTr("Theme")
                        onActivated: index => page.settings.theme = index
                    }

                    Label { text: qsTr("Language") }
                    ComboBox {
                        id: languageBox
                        objectName: "language"
                        Layout.fillWidth: true
                        textRole: "name"
                        valueRole: "code"
                        model: [{ code: "", name: qsTr("Same as the system") }].concat(page.languages.languages)
                        currentIndex: Math.max(0, indexOfValue(page.settings.language))
                        Accessible.name: qsTr("Language")
                        onActivated: page.settings.language = currentValue
                    }

                    Label { text: qsTr("Font size") }
                    SpinBox {
                        objectName: "fontSize"
                        editable: true
                        from: page.settings.range("fontSize").min
                        to: page.settings.range("fontSize").max
                        value: page.settings.fontSize
                        Accessible.name: qsTr("Font size")
                        onValueModified: page.settings.fontSize = value
                    }
                }
            }

            GroupBox {
                title: qsTr("Device")
                Layout.fillWidth: true
                Layout.leftMargin: 12
                Layout.rightMargin: 12
                Layout.bottomMargin: 12

                ColumnLayout {
                    anchors.fill: parent
                    Label {
                        Layout.fillWidth: true
                        wrapMode: Text.Wrap
                        color: design.textMuted
                        text: qsTr("The graphics device that runs the model. A change applies the next time a model is loaded.")
                    }
                    ButtonGroup { id: deviceGroup }
                    RadioButton {
                        objectName: "deviceAutomatic"
                        text: qsTr("Automatic (the fastest device)")
                        Accessible.name: text
                        ButtonGroup.group: deviceGroup
                        checked: page.settings.device < 0
                        onToggled: if (checked) page.settings.device = -1
                    }
                    Repeater {
                        model: page.devices
                        delegate: RadioButton {
                            required property int deviceIndex
                            required property string name
                            required property string type
                            required property string memory
                            text: qsTr("%1 — %2, %3 memory").arg(name).arg(type).arg(memory)
                            Accessible.name: text
                            ButtonGroup.group: deviceGroup
                            checked: page.settings.device === deviceIndex
                            onToggled: if (checked) page.settings.device = deviceIndex
                        }
                    }
                    BusyIndicator {
                        running: page.devices.loading
                        visible: running
                        Accessible.name: qsTr("Looking for devices")
                    }
                    Label {
                        visible: page.devices.error !== ""
                        Layout.fillWidth: true
                        wrapMode: Text.Wrap
                        color: design.danger
                        text: page.devices.error
                    }
                }
            }
        }
    }
}
