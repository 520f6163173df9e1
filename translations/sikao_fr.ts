<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr">
<context>
    <name>FirstRunPage</name>
    <message>
        <source>Welcome to Sikao</source>
        <translation>Bienvenue dans Sikao</translation>
    </message>
    <message>
        <source>Open GGUF file</source>
        <translation>Ouvrir un fichier GGUF</translation>
    </message>
    <message>
        <source>GGUF models (*.gguf)</source>
        <translation>Modèles GGUF (*.gguf)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Sikao runs a language model on your own computer; nothing you type leaves it. A model is one file in the GGUF format, and you have none yet.</source>
        <translation>Sikao exécute un modèle de langage sur votre propre ordinateur ; rien de ce que vous tapez n’en sort. Un modèle est un fichier au format GGUF, et vous n’en avez pas encore.</translation>
    </message>
    <message>
        <source>1. Get a model</source>
        <translation>1. Obtenir un modèle</translation>
    </message>
    <message>
        <source>On any computer with a web browser, download a GGUF file of a small reasoning model, for example Qwen3-1.7B or DeepSeek-R1-Distill-Qwen-1.5B. The Q4_K_M version (about 1 to 2 GB) is a good start. Sikao runs the Llama, Qwen2 and Qwen3 model families.</source>
        <translation>Sur n’importe quel ordinateur doté d’un navigateur web, téléchargez le fichier GGUF d’un petit modèle de raisonnement, par exemple Qwen3-1.7B ou DeepSeek-R1-Distill-Qwen-1.5B. La version Q4_K_M (environ 1 à 2 Go) est un bon début. Sikao exécute les familles de modèles Llama, Qwen2 et Qwen3.</translation>
    </message>
    <message>
        <source>2. Put it in the models folder</source>
        <translation>2. Placez-le dans le dossier des modèles</translation>
    </message>
    <message>
        <source>Models folder</source>
        <translation>Dossier des modèles</translation>
    </message>
    <message>
        <source>Open the models folder</source>
        <translation>Ouvrir le dossier des modèles</translation>
    </message>
    <message>
        <source>I put it there: look again</source>
        <translation>C’est fait : chercher à nouveau</translation>
    </message>
    <message>
        <source>Or open a GGUF file from anywhere:</source>
        <translation>Ou ouvrez un fichier GGUF depuis n’importe où :</translation>
    </message>
    <message>
        <source>Open GGUF file…</source>
        <translation>Ouvrir un fichier GGUF…</translation>
    </message>
    <message>
        <source>Just looking? Try the demo model</source>
        <translation>Simple curiosité ? Essayez le modèle de démonstration</translation>
    </message>
    <message>
        <source>A tiny demonstration model (about one million parameters) comes with Sikao. It only does simple arithmetic and comparisons, but it shows its reasoning the way real reasoning models do. It is not a general assistant.</source>
        <translation>Sikao est livré avec un minuscule modèle de démonstration (environ un million de paramètres). Il ne fait que de l’arithmétique simple et des comparaisons, mais il montre son raisonnement comme les vrais modèles de raisonnement. Ce n’est pas un assistant généraliste.</translation>
    </message>
    <message>
        <source>Load the demo model</source>
        <translation>Charger le modèle de démonstration</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Chargement…</translation>
    </message>
</context>
<context>
    <name>Main</name>
    <message>
        <source>Sikao</source>
        <translation>Sikao</translation>
    </message>
    <message>
        <source>Model</source>
        <translation>Modèle</translation>
    </message>
    <message>
        <source>No model found. Put a .gguf file in %1 or pass one on the command line.</source>
        <translation>Aucun modèle trouvé. Placez un fichier .gguf dans %1 ou indiquez-en un sur la ligne de commande.</translation>
    </message>
    <message>
        <source>Model that would be loaded</source>
        <translation>Modèle qui serait chargé</translation>
    </message>
    <message>
        <source>Vulkan devices</source>
        <translation>Périphériques Vulkan</translation>
    </message>
    <message>
        <source>%1 · %2 · Vulkan %3 · %4 device memory · subgroup %5%6%7</source>
        <translation>%1 · %2 · Vulkan %3 · %4 de mémoire du périphérique · sous-groupe %5%6%7</translation>
    </message>
    <message>
        <source> · fp16</source>
        <translation> · fp16</translation>
    </message>
    <message>
        <source> · int8</source>
        <translation> · int8</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
</context>
<context>
    <name>ModelManagerPage</name>
    <message>
        <source>Models</source>
        <translation>Modèles</translation>
    </message>
    <message>
        <source>Open GGUF file</source>
        <translation>Ouvrir un fichier GGUF</translation>
    </message>
    <message>
        <source>GGUF models (*.gguf)</source>
        <translation>Modèles GGUF (*.gguf)</translation>
    </message>
    <message>
        <source>All files (*)</source>
        <translation>Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Add a models folder</source>
        <translation>Ajouter un dossier de modèles</translation>
    </message>
    <message>
        <source>Open GGUF file…</source>
        <translation>Ouvrir un fichier GGUF…</translation>
    </message>
    <message>
        <source>Add folder…</source>
        <translation>Ajouter un dossier…</translation>
    </message>
    <message>
        <source>Refresh</source>
        <translation>Actualiser</translation>
    </message>
    <message>
        <source>Refresh the list of models</source>
        <translation>Actualiser la liste des modèles</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Annulation…</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>Chargement de %1…</translation>
    </message>
    <message>
        <source>Loaded: %1</source>
        <translation>Chargé : %1</translation>
    </message>
    <message>
        <source>The model could not be loaded</source>
        <translation>Impossible de charger le modèle</translation>
    </message>
    <message>
        <source>Device: %1 · context %2 tokens</source>
        <translation>Périphérique : %1 · contexte de %2 jetons</translation>
    </message>
    <message>
        <source>Loading progress</source>
        <translation>Progression du chargement</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Cancel loading the model</source>
        <translation>Annuler le chargement du modèle</translation>
    </message>
    <message>
        <source>Error message</source>
        <translation>Message d’erreur</translation>
    </message>
    <message>
        <source>Models folder: %1</source>
        <translation>Dossier des modèles : %1</translation>
    </message>
    <message>
        <source>Also looking in: %1</source>
        <translation>Recherche aussi dans : %1</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Retirer</translation>
    </message>
    <message>
        <source>Stop looking in %1</source>
        <translation>Ne plus chercher dans %1</translation>
    </message>
    <message>
        <source>Reading the model files</source>
        <translation>Lecture des fichiers de modèle</translation>
    </message>
    <message>
        <source>No models yet. Put a .gguf file in the models folder or open one.</source>
        <translation>Aucun modèle pour l’instant. Placez un fichier .gguf dans le dossier des modèles ou ouvrez-en un.</translation>
    </message>
    <message>
        <source>reasoning</source>
        <translation>raisonnement</translation>
    </message>
    <message>
        <source>tiny demo</source>
        <translation>mini démo</translation>
    </message>
    <message>
        <source>loaded</source>
        <translation>chargé</translation>
    </message>
    <message>
        <source>%1 · %2 · %3 parameters · context %4 · %5</source>
        <translation>%1 · %2 · %3 paramètres · contexte %4 · %5</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>Charger</translation>
    </message>
    <message>
        <source>Load %1</source>
        <translation>Charger %1</translation>
    </message>
    <message>
        <source>Remove %1 from the list</source>
        <translation>Retirer %1 de la liste</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>Paramètres</translation>
    </message>
    <message>
        <source>Sampling</source>
        <translation>Échantillonnage</translation>
    </message>
    <message>
        <source>Temperature (0: always the most likely token)</source>
        <translation>Température (0 : toujours le jeton le plus probable)</translation>
    </message>
    <message>
        <source>Top-k</source>
        <translation>Top-k</translation>
    </message>
    <message>
        <source>0: off</source>
        <translation>0 : désactivé</translation>
    </message>
    <message>
        <source>Top-p</source>
        <translation>Top-p</translation>
    </message>
    <message>
        <source>Min-p</source>
        <translation>Min-p</translation>
    </message>
    <message>
        <source>Repetition penalty</source>
        <translation>Pénalité de répétition</translation>
    </message>
    <message>
        <source>New random seed for every answer</source>
        <translation>Nouvelle graine aléatoire à chaque réponse</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>Graine</translation>
    </message>
    <message>
        <source>Maximum answer length (tokens)</source>
        <translation>Longueur maximale de la réponse (jetons)</translation>
    </message>
    <message>
        <source>Context length (tokens)</source>
        <translation>Longueur du contexte (jetons)</translation>
    </message>
    <message>
        <source>0: the model&apos;s own. Applies when a model is loaded.</source>
        <translation>0 : celle du modèle. S’applique au chargement d’un modèle.</translation>
    </message>
    <message>
        <source>Restore the default sampling settings</source>
        <translation>Rétablir les réglages d’échantillonnage par défaut</translation>
    </message>
    <message>
        <source>Default system prompt</source>
        <translation>Invite système par défaut</translation>
    </message>
    <message>
        <source>Sent at the start of every new chat. Leave it empty to use none.</source>
        <translation>Envoyée au début de chaque nouvelle conversation. Laissez vide pour n’en utiliser aucune.</translation>
    </message>
    <message>
        <source>You are a helpful assistant.</source>
        <translation>Vous êtes un assistant serviable.</translation>
    </message>
    <message>
        <source>Appearance</source>
        <translation>Apparence</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Thème</translation>
    </message>
    <message>
        <source>Same as the system</source>
        <translation>Comme le système</translation>
    </message>
    <message>
        <source>Light</source>
        <translation>Clair</translation>
    </message>
    <message>
        <source>Dark</source>
        <translation>Sombre</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Langue</translation>
    </message>
    <message>
        <source>Font size</source>
        <translation>Taille de police</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>Périphérique</translation>
    </message>
    <message>
        <source>The graphics device that runs the model. A change applies the next time a model is loaded.</source>
        <translation>Le périphérique graphique qui exécute le modèle. Un changement s’applique au prochain chargement d’un modèle.</translation>
    </message>
    <message>
        <source>Automatic (the fastest device)</source>
        <translation>Automatique (le périphérique le plus rapide)</translation>
    </message>
    <message>
        <source>%1 — %2, %3 memory</source>
        <translation>%1 — %2, %3 de mémoire</translation>
    </message>
    <message>
        <source>Looking for devices</source>
        <translation>Recherche des périphériques</translation>
    </message>
</context>
<context>
    <name>sikao::ui::DeviceListModel</name>
    <message>
        <source>discrete GPU</source>
        <translation>GPU dédié</translation>
    </message>
    <message>
        <source>integrated GPU</source>
        <translation>GPU intégré</translation>
    </message>
    <message>
        <source>virtual GPU</source>
        <translation>GPU virtuel</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>other</source>
        <translation>autre</translation>
    </message>
</context>
<context>
    <name>sikao::ui::ModelManager</name>
    <message>
        <source>%1: the file does not exist</source>
        <translation>%1 : le fichier n’existe pas</translation>
    </message>
</context>
<context>
    <name>sikao::ui::StartupModel</name>
    <message>
        <source>Reading %1…</source>
        <translation>Lecture de %1…</translation>
    </message>
    <message>
        <source>%1 (%2) — %3 tensors, %4, context %5 tokens
%6</source>
        <translation>%1 (%2) — %3 tenseurs, %4, contexte de %5 jetons
%6</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>inconnu</translation>
    </message>
</context>
</TS>
