/** Entry for `parsec-widgets/dataset`: defines `<parsec-dataset>`, which links widgets to one dataset and selection. */
export { ParsecDataset, ParsecSelectionChangeEvent } from './components/dataset/dataset';
