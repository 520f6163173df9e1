import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Sikao 1.0

// The main window: conversations on the leading side, the open chat, the reasoning inspector on
// the trailing side when open, the status bar below; the model manager and the settings replace
// the chat area when opened (showPage), with a way back. Under a right-to-left language the whole
// layout mirrors (LayoutMirroring follows the application's layout direction, which the language
// manager sets). Font size comes from the settings; the theme is the application palette.
ApplicationWindow {
    id: window
    width: 1100
    height: 720
    visible: true
    font.pointSize: settings.fontSize
    title: chat.conversationId > 0 ? qsTr("%1 — Sikao").arg(chat.conversationTitle) : qsTr("Sikao")

    LayoutMirroring.enabled: Qt.application.layoutDirection === Qt.RightToLeft
    LayoutMirroring.childrenInherit: true

    // "" (the chat), "models" or "settings". Any view reaches it through
    // ApplicationWindow.window.showPage().
    property string page: ""
    // A page is created the first time it is opened (a fast start) and kept.
    property var openedPages: ({})
    function showPage(name) {
        if (name !== "" && !openedPages[name]) {
            const opened = Object.assign({}, openedPages)
            opened[name] = true
            openedPages = opened
        }
        page = name
    }

    function showInspector(row) { chat.inspect(row); inspector.visible = true }
    function hideInspector() { inspector.visible = false }
    function searchFor(text) { showPage(""); sidebar.search(text) }

    // The context properties under names the pages' own properties do not shadow.
    readonly property ModelManager appModels: modelManager
    readonly property Settings appSettings: settings
    readonly property LanguageManager appLanguages: languages
    readonly property DeviceListModel appDevices: devices

    // A .gguf file dropped anywhere on the window is added to the models and loaded.
    DropArea {
        objectName: "modelDrop"
        anchors.fill: parent
        onEntered: (drag) => { drag.accepted = drag.hasUrls }
        onDropped: (drop) => {
            if (drop.hasUrls && window.appModels.openDropped(drop.urls)) {
                drop.acceptProposedAction()
                window.showPage("models")
            }
        }
    }

    Shortcut {
        sequence: "Ctrl+,"
        onActivated: window.showPage("settings")
    }
    Shortcut {
        sequence: "Esc"
        enabled: window.page !== "" && !chat.generating
        onActivated: window.showPage("")
    }
    Shortcut {
        sequence: "Ctrl+N"
        onActivated: { window.showPage(""); chat.newChat(); chatView.focusComposer() }
    }
    Shortcut {
        sequence: "Ctrl+F"
        onActivated: { window.showPage(""); sidebar.focusSearch() }
    }
    Shortcut {
        sequence: "Ctrl+L"
        onActivated: { window.showPage(""); chatView.focusComposer() }
    }
    Shortcut {
        sequence: "Esc"
        enabled: chat.generating
        onActivated: chat.stop()
    }
    Shortcut {
        sequence: "Ctrl+Shift+C"
        onActivated: chat.copyLastAnswer()
    }

    header: ToolBar {
        objectName: "pageBar"
        visible: window.page !== ""
        RowLayout {
            anchors.fill: parent
            ToolButton {
                objectName: "backToChat"
                text: (window.LayoutMirroring.enabled ? "› " : "‹ ") + qsTr("Back to chat")
                onClicked: window.showPage("")
                Accessible.name: qsTr("Back to chat")
                ToolTip.visible: hovered
                ToolTip.text: qsTr("Back to chat (Esc)")
            }
            Label {
                readonly property Item shown: window.page === "models" ? modelsPageLoader.item
                                                                      : settingsPageLoader.item
                text: shown && !shown.header ? shown.title : ""  // a page with a header names itself
                font.bold: true
                elide: Text.ElideRight
                Layout.fillWidth: true
            }
        }
    }

    StackLayout {
        anchors.fill: parent
        currentIndex: window.page === "models" ? 1 : window.page === "settings" ? 2 : 0

        RowLayout {
            spacing: 0

            Sidebar {
                id: sidebar
                objectName: "sidebar"
                Layout.preferredWidth: 280
                Layout.fillHeight: true
            }
            ChatView {
                id: chatView
                objectName: "chatView"
                Layout.fillWidth: true
                Layout.fillHeight: true
                onInspectRequested: (row) => window.showInspector(row)
            }
            InspectorPanel {
                id: inspector
                objectName: "inspector"
                visible: false
                Layout.preferredWidth: 360
                Layout.fillHeight: true
                onCloseRequested: visible = false
            }
        }

        Loader {
            id: modelsPageLoader
            active: window.openedPages["models"] === true
            sourceComponent: ModelManagerPage { objectName: "modelsPage"; modelManager: window.appModels }
        }
        Loader {
            id: settingsPageLoader
            active: window.openedPages["settings"] === true
            sourceComponent: SettingsPage {
                objectName: "settingsPage"
                settings: window.appSettings
                languages: window.appLanguages
                devices: window.appDevices
            }
        }
    }

    footer: StatusBar {}

    Connections {
        target: chat
        function onLastErrorChanged() { if (chat.lastError !== "") errorPopup.open() }
    }
    Popup {
        id: errorPopup
        objectName: "errorPopup"
        anchors.centerIn: Overlay.overlay
        width: Math.min(window.width - 40, 480)
        padding: 16
        contentItem: ColumnLayout {
            Accessible.role: Accessible.AlertMessage
            Accessible.name: chat.lastError
            Label {
                objectName: "errorSentence"
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                text: chat.lastError
                color: "firebrick"
            }
            Label {
                objectName: "errorDetail"
                visible: chat.lastErrorDetail !== ""
                Layout.fillWidth: true
                wrapMode: Text.Wrap
                opacity: 0.8
                text: chat.lastErrorDetail
            }
            Button {
                Layout.alignment: Qt.AlignRight
                text: qsTr("Close")
                onClicked: errorPopup.close()
            }
        }
    }
}
