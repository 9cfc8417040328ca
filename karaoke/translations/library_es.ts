<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name>LibraryDialog</name>
    <message>
        <source>Song library</source>
        <extracomment>The keys the search box hands to the table (moving through the songs while typing).</extracomment>
        <translation>Biblioteca de canciones</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>B&amp;uscar:</translation>
    </message>
    <message>
        <source>Title, subtitle or language</source>
        <translation>Título, subtítulo o idioma</translation>
    </message>
    <message>
        <source>Search the library</source>
        <translation>Buscar en la biblioteca</translation>
    </message>
    <message>
        <source>Shows the songs whose title, subtitle or language hold every word typed</source>
        <translation>Muestra las canciones cuyo título, subtítulo o idioma contienen todas las palabras escritas</translation>
    </message>
    <message>
        <source>Songs</source>
        <translation>Canciones</translation>
    </message>
    <message>
        <source>Return or a double click opens the song</source>
        <translation>Retorno o un doble clic abre la canción</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>A&amp;brir</translation>
    </message>
    <message>
        <source>Open the selected song in this window</source>
        <translation>Abre la canción elegida en esta ventana</translation>
    </message>
    <message>
        <source>&amp;Present</source>
        <translation>&amp;Presentar</translation>
    </message>
    <message>
        <source>Open the selected song and present it</source>
        <translation>Abre la canción elegida y la presenta</translation>
    </message>
    <message>
        <source>&amp;Remove…</source>
        <translation>&amp;Quitar…</translation>
    </message>
    <message>
        <source>Remove the selected song from the library</source>
        <translation>Quita de la biblioteca la canción elegida</translation>
    </message>
    <message>
        <source>&amp;Add folder…</source>
        <translation>&amp;Añadir carpeta…</translation>
    </message>
    <message>
        <source>Add a folder of songs to the library</source>
        <translation>Añade a la biblioteca una carpeta de canciones</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Close the library</source>
        <translation>Cierra la biblioteca</translation>
    </message>
    <message>
        <source>1 song</source>
        <translation>1 canción</translation>
    </message>
    <message>
        <source>%2 songs</source>
        <translation>%2 canciones</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 de %2</translation>
    </message>
    <message>
        <source>A song that comes with the app cannot be removed</source>
        <translation>Una canción que viene con la aplicación no se puede quitar</translation>
    </message>
    <message>
        <source>Cannot remove this song</source>
        <translation>No se puede quitar esta canción</translation>
    </message>
    <message>
        <source>Delete “%1” from your songs folder?</source>
        <translation>¿Borrar «%1» de tu carpeta de canciones?</translation>
    </message>
    <message>
        <source>Its folder is deleted from the disk:
%1</source>
        <translation>Su carpeta se borra del disco:
%1</translation>
    </message>
    <message>
        <source>Forget the folder “%1”?</source>
        <translation>¿Olvidar la carpeta «%1»?</translation>
    </message>
    <message>
        <source>Its song leaves the library. Nothing is deleted.</source>
        <translation>Su canción sale de la biblioteca. No se borra nada.</translation>
    </message>
    <message>
        <source>Its %1 songs leave the library. Nothing is deleted.</source>
        <translation>Sus %1 canciones salen de la biblioteca. No se borra nada.</translation>
    </message>
    <message>
        <source>Remove from the library</source>
        <translation>Quitar de la biblioteca</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Quitar</translation>
    </message>
    <message>
        <source>Add a folder of songs</source>
        <translation>Añadir una carpeta de canciones</translation>
    </message>
    <message>
        <source>Cannot add this folder</source>
        <translation>No se puede añadir esta carpeta</translation>
    </message>
    <message>
        <source>Cannot open this song: %1</source>
        <translation>No se puede abrir esta canción: %1</translation>
    </message>
    <message>
        <source>Title</source>
        <extracomment>The columns, in order; their titles are translated when shown.</extracomment>
        <translation>Título</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Idioma</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Duración</translation>
    </message>
    <message>
        <source>Stanzas</source>
        <translation>Estrofas</translation>
    </message>
    <message>
        <source>Questions</source>
        <translation>Preguntas</translation>
    </message>
    <message>
        <source>Yes</source>
        <extracomment>What a column sorts by: numbers for the numeric columns, folded text for the others.</extracomment>
        <translation>Sí</translation>
    </message>
    <message>
        <source>No</source>
        <translation>No</translation>
    </message>
</context>
</TS>
